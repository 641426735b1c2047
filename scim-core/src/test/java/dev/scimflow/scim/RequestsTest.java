package dev.scimflow.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.scimflow.scim.schema.Schemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Normalisation of POST and PUT bodies into the attributes the consumers store. */
class RequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void oktasCreateKeepsItsAttributesAndDropsPasswordGroupsAndSchemas() {
        ObjectNode user = Requests.resource(Schemas.USERS, JSON.readTree("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"jane@example.com",
                 "name":{"givenName":"Jane","familyName":"Doe"},
                 "emails":[{"primary":true,"value":"jane@example.com","type":"work"}],
                 "displayName":"Jane Doe","locale":"en-US","externalId":"00u1","groups":[],
                 "password":"t1meMa$heen","active":true,"id":"ignored","meta":{"version":"W/\\"9\\""}}
                """), true);

        assertThat(user.propertyNames()).containsExactly("userName", "name", "emails", "displayName", "locale",
                "externalId", "active");
    }

    @Test
    void namesTakeTheirCanonicalSpellingAndValuesTheirType() {
        ObjectNode user = Requests.resource(Schemas.USERS, JSON.readTree("""
                {"USERNAME":"a@example.com","Active":"False","emails":{"VALUE":"a@example.com","Primary":"true"},
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":"271","EmployeeNumber":42},
                 "urn:ietf:params:scim:schemas:core:2.0:User:title":"Guide","shoeSize":9,"nickName":null}
                """), true);

        assertThat(user.get("userName").asString()).isEqualTo("a@example.com");
        assertThat(user.get("active").booleanValue()).isFalse();
        assertThat(user.get("emails").get(0).get("primary").booleanValue()).isTrue();
        JsonNode enterprise = user.get(Schemas.ENTERPRISE_USER);
        assertThat(enterprise.get("manager").get("value").asString()).isEqualTo("271");
        assertThat(enterprise.get("employeeNumber").asString()).isEqualTo("42");
        assertThat(user.get("title").asString()).isEqualTo("Guide");
        assertThat(user.has("shoeSize")).isFalse();
        assertThat(user.has("nickName")).isFalse();
    }

    @Test
    void aMissingRequiredAttributeIsInvalidValueAndANonObjectInvalidSyntax() {
        assertThatThrownBy(() -> Requests.resource(Schemas.USERS, JSON.readTree("{\"name\":{}}"), true))
                .isInstanceOfSatisfying(ScimException.class, ex -> assertThat(ex.scimType()).isEqualTo("invalidValue"));
        assertThatThrownBy(() -> Requests.resource(Schemas.GROUPS, JSON.readTree("[]"), true))
                .isInstanceOfSatisfying(ScimException.class,
                        ex -> assertThat(ex.scimType()).isEqualTo("invalidSyntax"));
        assertThatThrownBy(() -> Requests.resource(Schemas.USERS, JSON.readTree("{\"userName\":{\"a\":1}}"), true))
                .isInstanceOfSatisfying(ScimException.class, ex -> assertThat(ex.scimType()).isEqualTo("invalidValue"));
    }
}

package dev.scimflow.provisioner.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.scimflow.contract.EventJson;
import dev.scimflow.scim.Requests;
import dev.scimflow.scim.ScimException;
import dev.scimflow.scim.schema.Schemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The product's rules for user writes, on requests normalised the way ingest-api publishes them. */
class UserEditsTest {

    private static final ObjectNode JANE = (ObjectNode) json("""
            {"userName":"Jane@example.com","active":true,"name":{"givenName":"Jane","familyName":"Doe"},
             "emails":[{"value":"jane@example.com","primary":true,"type":"work"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"1"}}
            """);

    @Test
    void createDefaultsActiveToTrue() {
        assertThat(UserEdits.created(json("{\"userName\":\"a@example.com\"}")).get("active").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"userName\":\"no-at-sign\"}", "{\"userName\":\"a b@example.com\"}",
        "{\"userName\":42}", "{\"userName\":\"a@example.com\",\"active\":\"yes\"}"})
    void createRefusesInvalidUsers(String body) {
        assertThatThrownBy(() -> UserEdits.created(json(body))).isInstanceOfSatisfying(ScimException.class,
                ex -> assertThat(ex.scimType()).isEqualTo("invalidValue"));
    }

    @Test
    void pathlessReplaceOfActiveDeactivatesAndKeepsTheRest() {
        ObjectNode next = patch("[{\"op\":\"replace\",\"value\":{\"active\":false}}]");

        assertThat(next.get("active").asBoolean()).isFalse();
        assertThat(next.get("name")).isEqualTo(JANE.get("name"));
    }

    @Test
    void changingUserNameOrPrimaryEmailIsAMutabilityErrorThatTellsToContactSupport() {
        assertThatThrownBy(() -> patch("[{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"x@example.com\"}]"))
                .isInstanceOfSatisfying(ScimException.class, ex -> {
                    assertThat(ex.scimType()).isEqualTo("mutability");
                    assertThat(ex.getMessage()).contains("contact support");
                });
        assertThatThrownBy(() -> patch("[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\","
                + "\"value\":\"new@example.com\"}]")).isInstanceOfSatisfying(ScimException.class,
                        ex -> assertThat(ex.scimType()).isEqualTo("mutability"));
        assertThatThrownBy(() -> UserEdits.replaced(JANE, json("""
                {"userName":"Jane@example.com","emails":[{"value":"new@example.com","primary":true}]}
                """))).isInstanceOfSatisfying(ScimException.class,
                        ex -> assertThat(ex.scimType()).isEqualTo("mutability"));
    }

    @Test
    void changingTheCaseOfUserNameOrEmailIsNotAChangeOfIdentity() {
        ObjectNode next = patch("[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\","
                + "\"value\":\"JANE@example.com\"}]");

        assertThat(next.get("emails").get(0).get("value").asString()).isEqualTo("JANE@example.com");
    }

    @Test
    void replaceKeepsTheStoredSpellingOfUserNameAndTheEmailsWhenOmitted() {
        ObjectNode next = UserEdits.replaced(JANE, json("{\"userName\":\"JANE@EXAMPLE.COM\",\"active\":false}"));

        assertThat(next.get("userName").asString()).isEqualTo("Jane@example.com");
        assertThat(next.get("emails")).isEqualTo(JANE.get("emails"));
        assertThat(next.has("name")).isFalse();
        assertThat(next.get("active").asBoolean()).isFalse();
    }

    private static ObjectNode patch(String operations) {
        JsonNode normalised = Requests.patch(Schemas.USERS, json("{\"Operations\":" + operations + "}"));
        return UserEdits.patched(JANE, normalised);
    }

    private static JsonNode json(String text) {
        return EventJson.MAPPER.readTree(text);
    }
}

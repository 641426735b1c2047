package dev.scimflow.provisioner.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.scimflow.contract.EventJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** PUT and PATCH semantics of users, on the normalised requests ingest-api publishes. */
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
        assertThatThrownBy(() -> UserEdits.created(json(body)))
                .isInstanceOfSatisfying(ChangeRejectedException.class,
                        ex -> assertThat(ex.scimType()).isEqualTo("invalidValue"));
    }

    @Test
    void pathlessReplaceOfActiveDeactivates() {
        ObjectNode next = patch("[{\"op\":\"replace\",\"value\":{\"active\":false}}]");

        assertThat(next.get("active").asBoolean()).isFalse();
        assertThat(next.get("name")).isEqualTo(JANE.get("name"));
    }

    @Test
    void subAttributeAndUrnPathsAreApplied() {
        ObjectNode next = patch("""
                [{"op":"replace","path":"name.familyName","value":"Smith"},
                 {"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                  "value":"Sales"},
                 {"op":"replace","value":{"title":"Boss",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"2"}}}]
                """);

        assertThat(next.at("/name/familyName").asString()).isEqualTo("Smith");
        assertThat(next.at("/name/givenName").asString()).isEqualTo("Jane");
        JsonNode enterprise = next.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(enterprise.get("department").asString()).isEqualTo("Sales");
        assertThat(enterprise.get("employeeNumber").asString()).isEqualTo("2");
        assertThat(next.get("title").asString()).isEqualTo("Boss");
    }

    @Test
    void removeDeletesTheAttributeAndAddAppendsToMultiValuedOnes() {
        ObjectNode next = patch("""
                [{"op":"remove","path":"name.givenName"},
                 {"op":"add","path":"phoneNumbers","value":[{"value":"+1 555","type":"work"}]},
                 {"op":"add","path":"phoneNumbers","value":[{"value":"+1 555","type":"work"}]}]
                """);

        assertThat(next.get("name").has("givenName")).isFalse();
        assertThat(next.get("phoneNumbers")).hasSize(1);
    }

    @Test
    void changingUserNameOrPrimaryEmailIsAMutabilityError() {
        assertThatThrownBy(() -> patch("[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"x@example.com\"}]"))
                .isInstanceOfSatisfying(ChangeRejectedException.class,
                        ex -> assertThat(ex.scimType()).isEqualTo("mutability"));
        assertThatThrownBy(() -> UserEdits.replaced(JANE, json("""
                {"userName":"Jane@example.com","emails":[{"value":"new@example.com","primary":true}]}
                """))).isInstanceOfSatisfying(ChangeRejectedException.class,
                        ex -> assertThat(ex.getMessage()).contains("contact support"));
    }

    @Test
    void replaceKeepsTheStoredSpellingOfUserNameAndTheEmailsWhenOmitted() {
        ObjectNode next = UserEdits.replaced(JANE, json("{\"userName\":\"JANE@EXAMPLE.COM\",\"active\":false}"));

        assertThat(next.get("userName").asString()).isEqualTo("Jane@example.com");
        assertThat(next.get("emails")).isEqualTo(JANE.get("emails"));
        assertThat(next.has("name")).isFalse();
        assertThat(next.get("active").asBoolean()).isFalse();
    }

    @Test
    void valueFilterPathsAreRefusedClearly() {
        assertThatThrownBy(() -> patch("[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\","
                + "\"value\":\"x\"}]")).isInstanceOfSatisfying(ChangeRejectedException.class,
                        ex -> assertThat(ex.scimType()).isEqualTo("invalidPath"));
    }

    private static ObjectNode patch(String operations) {
        return UserEdits.patched(JANE, json("{\"Operations\":" + operations + "}"));
    }

    private static JsonNode json(String text) {
        return EventJson.MAPPER.readTree(text);
    }
}

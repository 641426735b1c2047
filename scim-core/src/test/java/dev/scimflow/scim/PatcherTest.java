package dev.scimflow.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.scimflow.scim.schema.ResourceType;
import dev.scimflow.scim.schema.Schemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * PATCH semantics, table-driven: each row is a resource, a PatchOp body as an IdP sends it, and the attributes
 * expected after normalisation ({@link Requests#patch}) and application ({@link Patcher}). The first rows are the
 * examples of RFC 7644 section 3.5.2; the others are what Okta, Entra and JumpCloud send.
 */
class PatcherTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String GROUP = """
            {"displayName":"Tour Guides","members":[
              {"value":"2819c223-7f76-453a-919d-413861904646","display":"Babs Jensen"},
              {"value":"902c246b-6245-4190-8e05-00816be7344a","display":"Mandy Pepperidge"}]}
            """;

    private static final String USER = """
            {"userName":"bjensen@example.com","active":true,"nickName":"Barbara",
             "name":{"givenName":"Barbara","familyName":"Jensen"},
             "emails":[{"value":"bjensen@example.com","type":"work","primary":true}],
             "addresses":[{"type":"work","streetAddress":"100 Universal City Plaza","locality":"Hollywood"},
                          {"type":"home","streetAddress":"456 Hollywood Blvd","locality":"Hollywood"}]}
            """;

    static Stream<Arguments> rfcAndIdpExamples() {
        return Stream.of(
                row("RFC: add members", "group", """
                        [{"op":"add","path":"members","value":[{"display":"Babs Jensen",
                          "$ref":"https://example.com/v2/Users/2819c223","value":"2819c223"}]}]""",
                        "/members/2/value", "\"2819c223\""),
                row("RFC: path-less add appends emails and sets a simple attribute", "user", """
                        [{"op":"add","value":{"emails":[{"value":"babs@jensen.org","type":"home"}],
                          "nickname":"Babs"}}]""",
                        "/emails/1/value", "\"babs@jensen.org\"", "/nickName", "\"Babs\""),
                row("RFC: remove all members", "group", """
                        [{"op":"remove","path":"members"}]""", "/members", null),
                row("RFC: remove one member by filter", "group", """
                        [{"op":"remove","path":"members[value eq \\"2819c223-7f76-453a-919d-413861904646\\"]"}]""",
                        "/members/0/value", "\"902c246b-6245-4190-8e05-00816be7344a\"", "/members/1", null),
                row("RFC: replace all members", "group", """
                        [{"op":"replace","path":"members","value":[{"value":"new-1"}]}]""",
                        "/members/0/value", "\"new-1\"", "/members/1", null),
                row("RFC: replace the work address", "user", """
                        [{"op":"replace","path":"addresses[type eq \\"work\\"]","value":{"type":"work",
                          "streetAddress":"911 Universal City Plaza"}}]""",
                        "/addresses/0/streetAddress", "\"911 Universal City Plaza\"", "/addresses/0/locality", null),
                row("RFC: replace a sub-attribute of a selected value", "user", """
                        [{"op":"replace","path":"addresses[type eq \\"work\\"].streetAddress",
                          "value":"1010 Broadway Ave"}]""",
                        "/addresses/0/streetAddress", "\"1010 Broadway Ave\"", "/addresses/0/locality",
                        "\"Hollywood\""),
                row("RFC: path-less replace replaces the values of a multi-valued attribute", "user", """
                        [{"op":"replace","value":{"emails":[{"value":"bjensen@example.com","type":"home"}],
                          "nickName":"Babs"}}]""",
                        "/emails/0/type", "\"home\"", "/emails/1", null, "/nickName", "\"Babs\""),
                row("Okta: path-less deactivate", "user", """
                        [{"op":"replace","value":{"active":false}}]""", "/active", "false"),
                row("Okta: path-less group rename with its id (read-only, ignored)", "group", """
                        [{"op":"replace","value":{"id":"abc","displayName":"Guides"}}]""",
                        "/displayName", "\"Guides\"", "/id", null),
                row("Entra: capitalised op, string boolean", "user", """
                        [{"op":"Replace","path":"active","value":"False"}]""", "/active", "false"),
                row("Entra: email by value path, created when absent", "user", """
                        [{"op":"Add","path":"emails[type eq \\"home\\"].value","value":"b@home.example"}]""",
                        "/emails/1/type", "\"home\"", "/emails/1/value", "\"b@home.example\""),
                row("Entra: sub-attribute path", "user", """
                        [{"op":"Replace","path":"name.familyName","value":"Smith"}]""",
                        "/name/familyName", "\"Smith\"", "/name/givenName", "\"Barbara\""),
                row("Entra: enterprise attribute by URN path", "user", """
                        [{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
                          "value":"701984"}]""",
                        "/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/employeeNumber", "\"701984\""),
                row("Entra: manager as a bare string", "user", """
                        [{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                          "value":"271"}]""",
                        "/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/manager/value", "\"271\""),
                row("Entra standards mode: dotted and URN-qualified keys in a path-less value", "user", """
                        [{"op":"replace","value":{"name.givenName":"Babs",
                          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Tour"}}]""",
                        "/name/givenName", "\"Babs\"",
                        "/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/department", "\"Tour\""),
                row("Entra: remove members given as a value array removes exactly those", "group", """
                        [{"op":"Remove","path":"members",
                          "value":[{"value":"2819c223-7f76-453a-919d-413861904646"}]}]""",
                        "/members/0/value", "\"902c246b-6245-4190-8e05-00816be7344a\"", "/members/1", null),
                row("Entra: add members with $ref null", "group", """
                        [{"op":"Add","path":"members","value":[{"value":"m-3","$ref":null},{"value":"m-4"}]}]""",
                        "/members/2/value", "\"m-3\"", "/members/2/$ref", null, "/members/3/value", "\"m-4\""),
                row("JumpCloud: adding an existing member again is a no-op", "group", """
                        [{"op":"add","path":"members","value":[{"value":"902c246b-6245-4190-8e05-00816be7344a",
                          "display":"Mandy Pepperidge"}]}]""",
                        "/members/2", null),
                row("attributes outside the schemas are ignored", "user", """
                        [{"op":"replace","path":"urn:example:custom:2.0:User:shoeSize","value":"9"},
                         {"op":"replace","value":{"favouriteColour":"blue","title":"Guide"}}]""",
                        "/favouriteColour", null, "/title", "\"Guide\""),
                row("a new primary email clears the old primary mark", "user", """
                        [{"op":"add","path":"emails","value":[{"value":"b@new.example","primary":true}]}]""",
                        "/emails/0/primary", "false", "/emails/1/primary", "true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfcAndIdpExamples")
    void appliesPatchOperations(String name, String resource, String operations, String[] expectations) {
        JsonNode result = apply(resource, operations);

        for (int i = 0; i < expectations.length; i += 2) {
            JsonNode actual = result.at(expectations[i]);
            if (expectations[i + 1] == null) {
                assertThat(actual.isMissingNode()).as(expectations[i] + " in " + result).isTrue();
            }
            else {
                assertThat(actual).as(expectations[i] + " in " + result).isEqualTo(JSON.readTree(expectations[i + 1]));
            }
        }
    }

    @Test
    void readOnlyPathsAreRefusedWithMutability() {
        assertThatThrownBy(() -> apply("user", "[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}]"))
                .isInstanceOfSatisfying(ScimException.class, ex -> assertThat(ex.scimType()).isEqualTo("mutability"));
    }

    @Test
    void malformedOperationsAreRefusedBeforeAnythingIsApplied() {
        assertThatThrownBy(() -> apply("user", "[{\"op\":\"move\",\"path\":\"title\"}]"))
                .isInstanceOfSatisfying(ScimException.class, ex -> assertThat(ex.status()).isEqualTo(400));
        assertThatThrownBy(() -> apply("user", "[{\"op\":\"remove\"}]"))
                .isInstanceOfSatisfying(ScimException.class, ex -> assertThat(ex.scimType()).isEqualTo("noTarget"));
        assertThatThrownBy(() -> apply("user", "[{\"op\":\"replace\",\"path\":\"emails[type eq]\",\"value\":1}]"))
                .isInstanceOfSatisfying(ScimException.class, ex -> assertThat(ex.scimType()).isEqualTo("invalidPath"));
        assertThatThrownBy(() -> apply("user", "[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]"))
                .isInstanceOfSatisfying(ScimException.class, ex -> assertThat(ex.scimType()).isEqualTo("invalidValue"));
        assertThatThrownBy(() -> apply("user", "[{\"op\":\"replace\",\"path\":\"title[type eq \\\"x\\\"]\","
                + "\"value\":1}]")).isInstanceOfSatisfying(ScimException.class,
                        ex -> assertThat(ex.scimType()).isEqualTo("invalidPath"));
    }

    @Test
    void aFilterThatSelectsNothingAndCannotCreateIsNoTarget() {
        assertThatThrownBy(() -> apply("user", "[{\"op\":\"replace\",\"path\":\"addresses[type co \\\"x\\\"]"
                + ".locality\",\"value\":\"Paris\"}]")).isInstanceOfSatisfying(ScimException.class,
                        ex -> assertThat(ex.scimType()).isEqualTo("noTarget"));
    }

    private static Arguments row(String name, String resource, String operations, String... expectations) {
        return Arguments.of(name, resource, operations, expectations);
    }

    private static JsonNode apply(String resource, String operations) {
        ResourceType type = resource.equals("group") ? Schemas.GROUPS : Schemas.USERS;
        ObjectNode attributes = (ObjectNode) JSON.readTree(resource.equals("group") ? GROUP : USER);
        JsonNode patch = Requests.patch(type, JSON.readTree("{\"Operations\":" + operations + "}"));
        patch.get("Operations").forEach(operation -> Patcher.apply(attributes, type, operation));
        return attributes;
    }
}

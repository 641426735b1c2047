package dev.scimflow.scim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.scimflow.scim.schema.Schemas;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ProjectionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectNode USER = (ObjectNode) JSON.readTree("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"1","userName":"a@example.com",
             "name":{"givenName":"A","familyName":"B"},"emails":[{"value":"a@example.com"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"D","division":"V"},
             "meta":{"resourceType":"User"}}
            """);
    private static final ObjectNode GROUP = (ObjectNode) JSON.readTree("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g","displayName":"T",
             "members":[{"value":"1"}],"meta":{"resourceType":"Group"}}
            """);

    @Test
    void attributesKeepsTheNamedOnesAndAlwaysIdAndSchemas() {
        ObjectNode projected = Projection.of(Schemas.USERS, "userName,name.familyName,"
                + "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", null).apply(USER);

        assertThat(projected.propertyNames()).containsExactly("schemas", "id", "userName", "name",
                Schemas.ENTERPRISE_USER);
        assertThat(projected.get("name").propertyNames()).containsExactly("familyName");
        assertThat(projected.get(Schemas.ENTERPRISE_USER).propertyNames()).containsExactly("department");
    }

    @Test
    void excludedAttributesDropsMembersButNeverTheId() {
        ObjectNode projected = Projection.of(Schemas.GROUPS, null, "members,id").apply(GROUP);

        assertThat(projected.propertyNames()).containsExactly("schemas", "id", "displayName", "meta");
        assertThat(Projection.of(Schemas.GROUPS, null, "MEMBERS").excludes("members")).isTrue();
        assertThat(Projection.of(Schemas.GROUPS, "displayName", null).excludes("members")).isTrue();
        assertThat(Projection.of(Schemas.GROUPS, null, null).excludes("members")).isFalse();
    }
}

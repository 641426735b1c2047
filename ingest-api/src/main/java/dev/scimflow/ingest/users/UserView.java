package dev.scimflow.ingest.users;

import java.util.Map;

import dev.scimflow.contract.UserState;
import dev.scimflow.ingest.scim.ETags;
import dev.scimflow.ingest.scim.ScimJson;
import dev.scimflow.scim.schema.Schemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders a stored user as a SCIM User resource. */
final class UserView {

    private UserView() {
    }

    /** The user with its {@code groups} (the teams it is a member of; read-only). */
    static ObjectNode render(UserState user, ArrayNode groups, String baseUrl) {
        ObjectNode resource = ScimJson.object();
        ArrayNode schemas = resource.putArray("schemas").add(Schemas.USER);
        resource.put("id", user.id());
        for (Map.Entry<String, JsonNode> attribute : user.attributes().properties()) {
            if (attribute.getKey().equals(Schemas.ENTERPRISE_USER)) {
                schemas.add(Schemas.ENTERPRISE_USER);
            }
            resource.set(attribute.getKey(), attribute.getValue());
        }
        resource.set("groups", groups);
        ObjectNode meta = resource.putObject("meta");
        meta.put("resourceType", "User");
        meta.put("created", user.created().toString());
        meta.put("lastModified", user.lastModified().toString());
        meta.put("location", baseUrl + "/Users/" + user.id());
        meta.put("version", ETags.of(user.version()));
        return resource;
    }
}

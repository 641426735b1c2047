package dev.scimflow.ingest.users;

import java.util.Map;

import dev.scimflow.contract.UserState;
import dev.scimflow.ingest.scim.ScimJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders a stored user as a SCIM User resource. */
final class UserView {

    private UserView() {
    }

    static ObjectNode render(UserState user, String baseUrl) {
        ObjectNode resource = ScimJson.object();
        ArrayNode schemas = resource.putArray("schemas").add(ScimJson.USER_SCHEMA);
        resource.put("id", user.id());
        for (Map.Entry<String, tools.jackson.databind.JsonNode> attribute : user.attributes().properties()) {
            if (attribute.getKey().regionMatches(true, 0, "urn:", 0, 4)) {
                schemas.add(attribute.getKey());
            }
            resource.set(attribute.getKey(), attribute.getValue());
        }
        ObjectNode meta = resource.putObject("meta");
        meta.put("resourceType", "User");
        meta.put("created", user.created().toString());
        meta.put("lastModified", user.lastModified().toString());
        meta.put("location", baseUrl + "/Users/" + user.id());
        meta.put("version", etag(user));
        return resource;
    }

    static String etag(UserState user) {
        return "W/\"" + user.version() + "\"";
    }
}

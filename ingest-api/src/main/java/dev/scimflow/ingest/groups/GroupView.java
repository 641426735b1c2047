package dev.scimflow.ingest.groups;

import java.util.Map;

import org.bson.Document;

import dev.scimflow.contract.TeamState;
import dev.scimflow.contract.store.MembershipDocuments;
import dev.scimflow.ingest.scim.ETags;
import dev.scimflow.ingest.scim.ScimJson;
import dev.scimflow.scim.schema.Schemas;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a team as a SCIM Group. The member list is streamed from its memberships as it is written, so a team of
 * a hundred thousand members is returned whole without being held in memory.
 */
final class GroupView {

    private GroupView() {
    }

    /** The group without members. */
    static ObjectNode render(TeamState team, String baseUrl) {
        ObjectNode resource = ScimJson.object();
        resource.putArray("schemas").add(Schemas.GROUP);
        resource.put("id", team.id());
        resource.setAll(team.attributes());
        ObjectNode meta = resource.putObject("meta");
        meta.put("resourceType", "Group");
        meta.put("created", team.created().toString());
        meta.put("lastModified", team.lastModified().toString());
        meta.put("location", baseUrl + "/Groups/" + team.id());
        meta.put("version", ETags.of(team.version()));
        return resource;
    }

    /** Writes a rendered group, with {@code members} (null: left out) before its {@code meta}. */
    static void write(JsonGenerator json, ObjectNode group, Iterable<Document> members, String baseUrl) {
        json.writeStartObject();
        boolean membersWritten = members == null;
        for (Map.Entry<String, JsonNode> field : group.properties()) {
            if (field.getKey().equals("meta") && !membersWritten) {
                writeMembers(json, members, baseUrl);
                membersWritten = true;
            }
            json.writeName(field.getKey());
            json.writeTree(field.getValue());
        }
        if (!membersWritten) {
            writeMembers(json, members, baseUrl);
        }
        json.writeEndObject();
    }

    private static void writeMembers(JsonGenerator json, Iterable<Document> members, String baseUrl) {
        json.writeName("members");
        json.writeStartArray();
        for (Document membership : members) {
            String userId = membership.getString(MembershipDocuments.USER_ID);
            json.writeStartObject();
            json.writeStringProperty("value", userId);
            if (membership.getString(MembershipDocuments.DISPLAY) != null) {
                json.writeStringProperty("display", membership.getString(MembershipDocuments.DISPLAY));
            }
            json.writeStringProperty("$ref", baseUrl + "/Users/" + userId);
            json.writeStringProperty("type", "User");
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}

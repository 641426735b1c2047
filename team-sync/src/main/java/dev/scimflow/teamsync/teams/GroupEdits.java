package dev.scimflow.teamsync.teams;

import java.util.ArrayList;
import java.util.List;

import dev.scimflow.scim.Filter;
import dev.scimflow.scim.PatchPath;
import dev.scimflow.scim.Patcher;
import dev.scimflow.scim.ScimException;
import dev.scimflow.scim.schema.Schemas;
import dev.scimflow.teamsync.teams.TeamStore.Member;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Splits a normalised group request into the team's attributes (displayName, externalId; patched with the shared
 * {@link Patcher}) and steps on its members, which team-sync applies membership by membership. Members are
 * selected by {@code value} only: {@code members[value eq "..."]}, alone or joined by {@code or}.
 */
final class GroupEdits {

    private static final String MEMBERS = "members";

    private GroupEdits() {
    }

    /** A step on the member list. */
    sealed interface Step {
    }

    record Add(List<Member> members) implements Step {
    }

    record Remove(List<String> userIds) implements Step {
    }

    record ReplaceAll(List<Member> members) implements Step {
    }

    record RemoveAll() implements Step {
    }

    /** The attributes to store and the member steps, in request order. */
    record Plan(ObjectNode attributes, List<Step> steps) {
    }

    /** A POST or PUT body: its attributes, and its member list as the whole new list. */
    static Plan whole(JsonNode payload) {
        ObjectNode attributes = requireObject(payload).deepCopy();
        JsonNode members = attributes.remove(MEMBERS);
        if (!attributes.path("displayName").isString() || attributes.get("displayName").stringValue().isBlank()) {
            throw ScimException.invalidValue("displayName is required");
        }
        return new Plan(attributes, List.of(new ReplaceAll(members(members))));
    }

    static Plan patched(ObjectNode current, JsonNode payload) {
        ObjectNode attributes = current.deepCopy();
        List<Step> steps = new ArrayList<>();
        for (JsonNode operation : requireObject(payload).path("Operations")) {
            PatchPath path = PatchPath.parse(operation.path("path").asString(""), Schemas.GROUPS).orElse(null);
            if (path != null && path.attribute().name().equals(MEMBERS)) {
                steps.add(memberStep(operation, path));
            }
            else {
                Patcher.apply(attributes, Schemas.GROUPS, operation);
            }
        }
        if (!attributes.path("displayName").isString() || attributes.get("displayName").stringValue().isBlank()) {
            throw ScimException.invalidValue("displayName cannot be removed");
        }
        return new Plan(attributes, steps);
    }

    private static Step memberStep(JsonNode operation, PatchPath path) {
        String op = operation.path("op").asString();
        JsonNode value = operation.get("value");
        if (path.subAttribute() != null) {
            throw ScimException.invalidPath("Members can be added, removed or replaced, not edited");
        }
        if (path.filter() != null) {
            if (!op.equals("remove")) {
                throw ScimException.invalidPath("Select members with a filter to remove them only");
            }
            List<String> ids = new ArrayList<>();
            selectedIds(path.filter(), ids);
            return new Remove(ids);
        }
        return switch (op) {
            case "add" -> new Add(members(value));
            case "replace" -> new ReplaceAll(members(value));
            default -> value == null || !value.isArray() ? new RemoveAll()
                    : new Remove(members(value).stream().map(Member::userId).toList());
        };
    }

    /** The ids a filter such as {@code value eq "a" or value eq "b"} selects; other filters are refused. */
    private static void selectedIds(Filter filter, List<String> ids) {
        if (filter instanceof Filter.Or or) {
            selectedIds(or.left(), ids);
            selectedIds(or.right(), ids);
            return;
        }
        if (filter instanceof Filter.Compare compare && compare.attribute().equalsIgnoreCase("value")
                && compare.operator() == Filter.Operator.EQ && compare.value().isString()) {
            ids.add(compare.value().stringValue());
            return;
        }
        throw ScimException.invalidPath("Members are selected by value: members[value eq \"<user id>\"]");
    }

    static List<Member> members(JsonNode values) {
        List<Member> members = new ArrayList<>();
        if (values == null || values.isNull()) {
            return members;
        }
        if (!values.isArray()) {
            throw ScimException.invalidValue("members must be an array");
        }
        for (JsonNode member : values) {
            if (!member.path("value").isString() || member.get("value").stringValue().isBlank()) {
                throw ScimException.invalidValue("Each member needs the user's id as its value");
            }
            members.add(new Member(member.get("value").stringValue(), member.path("display").asString(null)));
        }
        return members;
    }

    private static ObjectNode requireObject(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw ScimException.invalidValue("the request body must be a JSON object");
        }
        return (ObjectNode) payload;
    }
}

package dev.scimflow.ingest.users;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scimflow.ingest.scim.ScimException;
import dev.scimflow.ingest.scim.ScimJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Normalises User request bodies once, before they are published, so the provisioner sees one canonical form:
 * read-only and write-only attributes dropped ({@code id}, {@code meta}, {@code schemas}, {@code groups},
 * {@code password}, which is never stored), {@code active} as a real boolean (Entra sends {@code "False"}), PATCH
 * ops in lower case.
 */
final class UserRequests {

    private static final List<String> NOT_STORED = List.of("id", "meta", "schemas", "groups", "password");

    private UserRequests() {
    }

    static ObjectNode resource(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The request body must be a JSON object");
        }
        ObjectNode resource = ScimJson.object();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (NOT_STORED.stream().noneMatch(field.getKey()::equalsIgnoreCase) && !field.getValue().isNull()) {
                resource.set(canonicalName(field.getKey()), field.getValue());
            }
        }
        if (resource.has("active")) {
            resource.set("active", bool(resource.get("active")));
        }
        if (!resource.path("userName").isString()) {
            throw ScimException.invalidValue("userName is required and must be a string");
        }
        return resource;
    }

    static ObjectNode patch(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The request body must be a JSON object");
        }
        JsonNode operations = body.get("Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("A PatchOp needs a non-empty Operations array");
        }
        ObjectNode patch = ScimJson.object();
        ArrayNode canonical = patch.putArray("Operations");
        operations.forEach(operation -> canonical.add(operation(operation)));
        return patch;
    }

    private static ObjectNode operation(JsonNode operation) {
        if (!operation.isObject() || !operation.path("op").isString()) {
            throw ScimException.invalidSyntax("Each operation needs an op");
        }
        String op = operation.get("op").stringValue().toLowerCase(Locale.ROOT);
        if (!op.equals("add") && !op.equals("replace") && !op.equals("remove")) {
            throw ScimException.invalidSyntax("Unknown op '" + operation.get("op").stringValue() + "'");
        }
        ObjectNode canonical = ScimJson.object().put("op", op);
        JsonNode path = operation.get("path");
        if (path != null && !path.isNull()) {
            if (!path.isString() || path.stringValue().isBlank()) {
                throw ScimException.invalidSyntax("path must be a non-empty string");
            }
            canonical.put("path", path.stringValue());
        }
        JsonNode value = operation.get("value");
        if (value != null) {
            canonical.set("value", value(canonical.path("path").asString(null), value));
        }
        return canonical;
    }

    private static JsonNode value(String path, JsonNode value) {
        if (path != null) {
            return "active".equalsIgnoreCase(path) ? bool(value) : value;
        }
        if (!value.isObject()) {
            return value;
        }
        ObjectNode copy = (ObjectNode) value.deepCopy();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (field.getKey().equalsIgnoreCase("active")) {
                copy.set(field.getKey(), bool(field.getValue()));
            }
        }
        return copy;
    }

    /** A boolean, or one of the strings "true"/"false" in any case, as a boolean. */
    static JsonNode bool(JsonNode value) {
        if (value.isBoolean()) {
            return value;
        }
        if (value.isString() && (value.stringValue().equalsIgnoreCase("true")
                || value.stringValue().equalsIgnoreCase("false"))) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value.stringValue().toLowerCase(
                    Locale.ROOT)));
        }
        throw ScimException.invalidValue("active must be true or false");
    }

    /** Core attribute names in their RFC spelling, so that {@code USERNAME} and {@code userName} are one key. */
    private static String canonicalName(String name) {
        for (String known : List.of("userName", "externalId", "active", "displayName", "name", "emails",
                "nickName", "profileUrl", "title", "userType", "preferredLanguage", "locale", "timezone",
                "phoneNumbers", "ims", "photos", "addresses", "entitlements", "roles", "x509Certificates")) {
            if (known.equalsIgnoreCase(name)) {
                return known;
            }
        }
        return name;
    }
}

package dev.scimflow.provisioner.users;

import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies one RFC 7644 PATCH operation, already normalised by ingest-api (lower-case {@code op}, booleans as
 * booleans), to a user's attributes.
 *
 * <p>Supported paths: an attribute ({@code active}), a sub-attribute ({@code name.familyName}) and either of them
 * qualified by a schema URN. Without a path, the value's keys are such paths, or a schema URN whose object holds
 * the extension's attributes. Note that value filters in paths ({@code emails[type eq "work"].value}) are refused
 * with {@code invalidPath} for now.
 */
final class UserPatch {

    private static final String CORE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

    private UserPatch() {
    }

    static void apply(ObjectNode attributes, JsonNode operation) {
        String op = operation.path("op").asString("").toLowerCase(Locale.ROOT);
        if (!op.equals("add") && !op.equals("replace") && !op.equals("remove")) {
            throw ChangeRejectedException.invalidValue("unknown PATCH op '" + op + "'");
        }
        JsonNode path = operation.get("path");
        JsonNode value = operation.get("value");
        if (path == null || path.isNull()) {
            applyWithoutPath(attributes, op, value);
        }
        else {
            applyAt(attributes, op, Path.parse(path.asString()), value);
        }
    }

    private static void applyWithoutPath(ObjectNode attributes, String op, JsonNode value) {
        if (op.equals("remove")) {
            throw new ChangeRejectedException(400, "noTarget", "a remove operation needs a path");
        }
        if (value == null || !value.isObject()) {
            throw ChangeRejectedException.invalidValue("an operation without a path needs an object value");
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String key = field.getKey();
            if (isSchemaUrn(key) && field.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> inner : field.getValue().properties()) {
                    applyAt(attributes, op, Path.parse(key + ":" + inner.getKey()), inner.getValue());
                }
            }
            else {
                applyAt(attributes, op, Path.parse(key), field.getValue());
            }
        }
    }

    private static void applyAt(ObjectNode attributes, String op, Path path, JsonNode value) {
        ObjectNode container = path.schema() == null ? attributes : extension(attributes, path.schema(), op);
        if (container == null) {
            return;
        }
        if (path.subAttribute() != null) {
            ObjectNode parent = child(container, path.attribute(), !op.equals("remove"));
            if (parent != null) {
                set(parent, op, path.subAttribute(), value);
            }
            return;
        }
        set(container, op, path.attribute(), value);
    }

    private static void set(ObjectNode container, String op, String name, JsonNode value) {
        String key = UserEdits.keyOf(container, name);
        if (op.equals("remove")) {
            container.remove(key);
            return;
        }
        if (value == null || value.isNull()) {
            throw ChangeRejectedException.invalidValue("operation on '" + name + "' needs a value");
        }
        JsonNode existing = container.get(key);
        if (existing != null && existing.isArray() || value.isArray()) {
            setMultiValued(container, op, key, existing, value);
        }
        else if (existing != null && existing.isObject() && value.isObject()) {
            ((ObjectNode) existing).setAll((ObjectNode) value.deepCopy());
        }
        else {
            container.set(key, value.deepCopy());
        }
    }

    private static void setMultiValued(ObjectNode container, String op, String key, JsonNode existing,
            JsonNode value) {
        ArrayNode values = UserEdits.asArray(value);
        if (op.equals("replace") || existing == null || !existing.isArray()) {
            container.set(key, values);
            return;
        }
        ArrayNode merged = (ArrayNode) existing;
        for (JsonNode item : values) {
            if (!contains(merged, item)) {
                merged.add(item);
            }
        }
    }

    private static boolean contains(ArrayNode array, JsonNode item) {
        for (JsonNode present : array) {
            if (present.equals(item)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode extension(ObjectNode attributes, String schema, String op) {
        return child(attributes, schema, !op.equals("remove"));
    }

    private static ObjectNode child(ObjectNode container, String name, boolean create) {
        String key = UserEdits.keyOf(container, name);
        JsonNode node = container.get(key);
        if (node != null && node.isObject()) {
            return (ObjectNode) node;
        }
        if (!create) {
            return null;
        }
        return container.putObject(key);
    }

    private static boolean isSchemaUrn(String key) {
        return key.regionMatches(true, 0, "urn:", 0, 4) && !key.regionMatches(true, 0, CORE_SCHEMA + ":", 0,
                CORE_SCHEMA.length() + 1) && key.chars().filter(c -> c == ':').count() >= 5
                && Character.isUpperCase(key.charAt(key.lastIndexOf(':') + 1));
    }

    /** An attribute path: optional schema URN, attribute, optional sub-attribute. */
    record Path(String schema, String attribute, String subAttribute) {

        static Path parse(String text) {
            if (text.indexOf('[') >= 0 || text.isBlank()) {
                throw ChangeRejectedException.invalidPath("unsupported PATCH path '" + text + "'");
            }
            String schema = null;
            String rest = text;
            if (text.regionMatches(true, 0, "urn:", 0, 4)) {
                int cut = text.lastIndexOf(':');
                schema = text.substring(0, cut);
                rest = text.substring(cut + 1);
                if (schema.equalsIgnoreCase(CORE_SCHEMA)) {
                    schema = null;
                }
            }
            int dot = rest.indexOf('.');
            if (dot < 0) {
                return new Path(schema, rest, null);
            }
            if (dot == 0 || dot == rest.length() - 1 || rest.indexOf('.', dot + 1) >= 0) {
                throw ChangeRejectedException.invalidPath("unsupported PATCH path '" + text + "'");
            }
            return new Path(schema, rest.substring(0, dot), rest.substring(dot + 1));
        }
    }
}

package dev.scimflow.scim;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.scimflow.scim.schema.Attribute;
import dev.scimflow.scim.schema.ResourceSchema;
import dev.scimflow.scim.schema.ResourceType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Normalises request bodies once, where they enter, into the canonical form the consumers apply.
 *
 * <p>A resource (POST, PUT) keeps only attributes of the resource type's schemas, in their canonical spelling and
 * type (see {@link ValueTypes}); read-only attributes ({@code id}, {@code meta}, {@code groups}), the write-only
 * {@code password}, {@code schemas} and unknown attributes are dropped, as Entra expects of a server. Extension
 * attributes sit under their schema URN.
 *
 * <p>A PatchOp becomes a list of operations with a lower-case {@code op} ({@code Replace} works), a {@code path}
 * and a typed {@code value}. A path-less operation is split into one operation per attribute of its value, which
 * may use dotted keys ({@code "name.givenName"}) and URN-qualified keys. Operations on attributes outside the
 * schemas are dropped; an explicit path to a read-only attribute is {@code mutability}.
 */
public final class Requests {

    public static final int MAX_OPERATIONS = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Requests() {
    }

    /** A POST or PUT body as the attributes to store; {@code required} checks required attributes. */
    public static ObjectNode resource(ResourceType type, JsonNode body, boolean required) {
        ObjectNode resource = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : requireObject(body).properties()) {
            put(resource, type, field.getKey(), field.getValue());
        }
        if (required) {
            type.schema().attributes().stream().filter(Attribute::required)
                    .filter(attribute -> !resource.has(attribute.name())).findFirst().ifPresent(attribute -> {
                        throw ScimException.invalidValue(attribute.name() + " is required");
                    });
        }
        return resource;
    }

    /** A PatchOp body as {@code {"Operations": [{"op", "path", "value"}, ...]}} in canonical form. */
    public static ObjectNode patch(ResourceType type, JsonNode body) {
        JsonNode operations = requireObject(body).get("Operations");
        if (operations == null) {
            operations = body.get("operations");
        }
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidSyntax("A PatchOp needs a non-empty Operations array");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw ScimException.invalidValue("A PatchOp may hold at most " + MAX_OPERATIONS + " operations");
        }
        ObjectNode patch = NODES.objectNode();
        ArrayNode canonical = patch.putArray("Operations");
        operations.forEach(operation -> operation(type, operation, canonical));
        return patch;
    }

    private static void operation(ResourceType type, JsonNode operation, ArrayNode canonical) {
        if (!operation.isObject() || !operation.path("op").isString()) {
            throw ScimException.invalidSyntax("Each operation needs an op");
        }
        String op = operation.get("op").stringValue().strip().toLowerCase(Locale.ROOT);
        if (!op.equals("add") && !op.equals("replace") && !op.equals("remove")) {
            throw ScimException.invalidSyntax("Unknown op '" + operation.get("op").stringValue() + "'");
        }
        JsonNode path = operation.get("path");
        JsonNode value = operation.get("value");
        if (path != null && !path.isNull()) {
            if (!path.isString()) {
                throw ScimException.invalidPath("path must be a string");
            }
            PatchPath.parse(path.stringValue(), type).ifPresent(
                    resolved -> canonical.add(withPath(op, path.stringValue().strip(), resolved, value)));
            return;
        }
        if (op.equals("remove")) {
            throw ScimException.noTarget("A remove operation needs a path");
        }
        if (value == null || !value.isObject()) {
            throw ScimException.invalidValue("An operation without a path needs an object value");
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            pathless(type, op, field.getKey(), field.getValue(), canonical);
        }
    }

    /** One attribute of a path-less value, as an operation with a path; read-only and unknown ones dropped. */
    private static void pathless(ResourceType type, String op, String key, JsonNode value, ArrayNode canonical) {
        Optional<ResourceSchema> extension = type.extension(key);
        if (extension.isPresent() && value.isObject()) {
            for (Map.Entry<String, JsonNode> inner : value.properties()) {
                pathless(type, op, extension.get().id() + ":" + inner.getKey(), inner.getValue(), canonical);
            }
            return;
        }
        if (key.equalsIgnoreCase("schemas") || key.equalsIgnoreCase("meta") || key.indexOf('[') >= 0) {
            return;
        }
        Optional<PatchPath> path = PatchPath.parse(key, type);
        if (path.isEmpty() || readOnly(path.get()) || value == null || value.isNull()) {
            return;
        }
        canonical.add(withPath(op, key, path.get(), value));
    }

    private static ObjectNode withPath(String op, String pathText, PatchPath path, JsonNode value) {
        if (readOnly(path)) {
            throw ScimException.mutability("'" + path.attribute().name() + "' is read-only");
        }
        ObjectNode operation = NODES.objectNode().put("op", op).put("path", pathText);
        if (value == null || value.isNull()) {
            if (!op.equals("remove")) {
                throw ScimException.invalidValue("The " + op + " of '" + pathText + "' needs a value");
            }
            return operation;
        }
        JsonNode coerced;
        if (path.subAttribute() != null) {
            coerced = ValueTypes.single(path.subAttribute(), value);
        }
        else if (path.filter() != null) {
            coerced = ValueTypes.single(path.attribute(), value);
        }
        else {
            coerced = ValueTypes.coerce(path.attribute(), value);
        }
        if (coerced != null) {
            operation.set("value", coerced);
        }
        return operation;
    }

    private static boolean readOnly(PatchPath path) {
        return path.attribute().isReadOnly()
                || path.attribute().mutability() == Attribute.Mutability.WRITE_ONLY
                || path.subAttribute() != null && path.subAttribute().isReadOnly();
    }

    private static void put(ObjectNode resource, ResourceType type, String key, JsonNode value) {
        Optional<ResourceSchema> extension = type.extension(key);
        if (extension.isPresent()) {
            if (value.isObject()) {
                ObjectNode target = extensionObject(resource, extension.get());
                value.properties().forEach(inner -> putAttribute(target, extension.get(), inner.getKey(),
                        inner.getValue()));
            }
            return;
        }
        if (key.regionMatches(true, 0, "urn:", 0, 4)) {
            int cut = key.lastIndexOf(':');
            type.schemaOf(key.substring(0, cut)).ifPresent(schema -> putAttribute(
                    schema == type.schema() ? resource : extensionObject(resource, schema), schema,
                    key.substring(cut + 1), value));
            return;
        }
        putAttribute(resource, type.schema(), key, value);
    }

    private static void putAttribute(ObjectNode target, ResourceSchema schema, String key, JsonNode value) {
        schema.attribute(key).filter(attribute -> !attribute.isReadOnly()
                && attribute.mutability() != Attribute.Mutability.WRITE_ONLY).ifPresent(attribute -> {
                    JsonNode coerced = ValueTypes.coerce(attribute, value);
                    if (coerced != null) {
                        target.set(attribute.name(), coerced);
                    }
                });
    }

    private static ObjectNode extensionObject(ObjectNode resource, ResourceSchema extension) {
        JsonNode existing = resource.get(extension.id());
        return existing instanceof ObjectNode object ? object : resource.putObject(extension.id());
    }

    private static JsonNode requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The request body must be a JSON object");
        }
        return body;
    }
}

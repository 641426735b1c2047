package dev.scimflow.scim;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import dev.scimflow.scim.schema.Attribute;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coerces request values to their attribute's type, in the forgiving ways IdPs need: {@code "False"} is a
 * boolean, a bare string for a complex attribute is its {@code value} ({@code "manager": "271"}), a single value
 * of a multi-valued attribute is a one-element array, sub-attribute names take their canonical spelling, nulls and
 * unknown sub-attributes are dropped. Values that cannot be coerced are {@code invalidValue}.
 */
public final class ValueTypes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValueTypes() {
    }

    /** The value as the attribute's type; null when it is null (an unassigned value). */
    public static JsonNode coerce(Attribute attribute, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!attribute.multiValued()) {
            return single(attribute, value);
        }
        ArrayNode values = NODES.arrayNode();
        if (value.isArray()) {
            value.forEach(item -> add(values, single(attribute, item)));
        }
        else {
            add(values, single(attribute, value));
        }
        return values;
    }

    /** One value of the attribute (one element of a multi-valued attribute). */
    public static JsonNode single(Attribute attribute, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return switch (attribute.type()) {
            case COMPLEX -> complex(attribute, value);
            case BOOLEAN -> bool(attribute, value);
            case INTEGER, DECIMAL -> number(attribute, value);
            default -> text(attribute, value);
        };
    }

    private static JsonNode complex(Attribute attribute, JsonNode value) {
        if (value.isString() && attribute.subAttribute("value").isPresent()) {
            return NODES.objectNode().put("value", value.stringValue());
        }
        if (!value.isObject()) {
            throw ScimException.invalidValue("'" + attribute.name() + "' must be an object");
        }
        ObjectNode result = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            attribute.subAttribute(field.getKey()).filter(sub -> !sub.isReadOnly()).ifPresent(sub -> {
                JsonNode coerced = single(sub, field.getValue());
                if (coerced != null) {
                    result.set(sub.name(), coerced);
                }
            });
        }
        return result;
    }

    private static JsonNode bool(Attribute attribute, JsonNode value) {
        if (value.isBoolean()) {
            return value;
        }
        if (value.isString()) {
            String text = value.stringValue().strip().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return NODES.booleanNode(text.equals("true"));
            }
        }
        throw ScimException.invalidValue("'" + attribute.name() + "' must be true or false");
    }

    private static JsonNode number(Attribute attribute, JsonNode value) {
        if (value.isNumber()) {
            return value;
        }
        if (value.isString()) {
            try {
                return NODES.numberNode(new BigDecimal(value.stringValue().strip()));
            }
            catch (NumberFormatException ex) {
                // falls through to the error below
            }
        }
        throw ScimException.invalidValue("'" + attribute.name() + "' must be a number");
    }

    private static JsonNode text(Attribute attribute, JsonNode value) {
        if (value.isString()) {
            return value;
        }
        if (value.isNumber() || value.isBoolean()) {
            return NODES.stringNode(value.asString());
        }
        throw ScimException.invalidValue("'" + attribute.name() + "' must be a string");
    }

    private static void add(ArrayNode values, JsonNode value) {
        if (value != null) {
            values.add(value);
        }
    }
}

package dev.scimflow.contract.store;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts SCIM JSON to BSON documents and back.
 *
 * <p>SCIM attribute names may hold characters MongoDB gives a meaning to: schema URNs hold dots
 * ({@code ...:enterprise:2.0:User}) and a hostile body may send keys starting with {@code $}. Keys are therefore
 * escaped reversibly: {@code %} becomes {@code %25}, {@code .} becomes {@code %2E} and {@code $} becomes
 * {@code %24}. Use {@link #escapeKey(String)} to build a query path to such an attribute.
 */
public final class BsonJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BsonJson() {
    }

    public static Document toDocument(JsonNode object) {
        Document document = new Document();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            document.append(escapeKey(field.getKey()), toBson(field.getValue()));
        }
        return document;
    }

    public static ObjectNode toJson(Document document) {
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            node.set(unescapeKey(field.getKey()), toJsonValue(field.getValue()));
        }
        return node;
    }

    public static String escapeKey(String key) {
        return key.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    public static String unescapeKey(String key) {
        return key.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    private static Object toBson(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isObject()) {
            return toDocument(value);
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>(value.size());
            value.forEach(item -> list.add(toBson(item)));
            return list;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            // the narrowest type, so that a value read back compares equal to the one the IdP sent
            if (value.canConvertToInt()) {
                return value.intValue();
            }
            return value.canConvertToLong() ? (Object) value.longValue() : new Decimal128(value.decimalValue());
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return value.asString();
    }

    private static JsonNode toJsonValue(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Document document) {
            return toJson(document);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(toJsonValue(item)));
            return array;
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return number == number.intValue() ? NODES.numberNode(number.intValue()) : NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Decimal128 number) {
            return NODES.numberNode(number.bigDecimalValue());
        }
        if (value instanceof Date date) {
            return NODES.stringNode(date.toInstant().toString());
        }
        return NODES.stringNode(value.toString());
    }
}

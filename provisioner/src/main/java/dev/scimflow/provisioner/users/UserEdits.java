package dev.scimflow.provisioner.users;

import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SCIM semantics of user writes, as pure functions from the current attributes and a normalised request to
 * the attributes to store. Refusals are {@link ChangeRejectedException}s.
 *
 * <p>Note that userName and the primary email are immutable in this product: a write that would change either
 * (compared case-insensitively) is refused with {@code mutability}; a PUT without {@code emails} keeps the
 * stored ones.
 */
final class UserEdits {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private UserEdits() {
    }

    static ObjectNode created(JsonNode payload) {
        ObjectNode attributes = requireObject(payload).deepCopy();
        if (!attributes.has("active")) {
            attributes.put("active", true);
        }
        return validated(attributes);
    }

    static ObjectNode replaced(ObjectNode current, JsonNode payload) {
        ObjectNode attributes = requireObject(payload).deepCopy();
        if (!attributes.has("emails") && current.has("emails")) {
            attributes.set("emails", current.get("emails").deepCopy());
        }
        if (!attributes.has("active")) {
            attributes.set("active", current.get("active"));
        }
        return immutablesKept(current, validated(attributes));
    }

    static ObjectNode patched(ObjectNode current, JsonNode payload) {
        JsonNode operations = requireObject(payload).path("Operations");
        if (!operations.isArray() || operations.isEmpty()) {
            throw ChangeRejectedException.invalidValue("a PATCH needs a non-empty Operations array");
        }
        ObjectNode attributes = current.deepCopy();
        for (JsonNode operation : operations) {
            UserPatch.apply(attributes, operation);
        }
        return immutablesKept(current, validated(attributes));
    }

    private static ObjectNode validated(ObjectNode attributes) {
        JsonNode userName = attributes.get("userName");
        if (userName == null || !userName.isString() || !EMAIL.matcher(userName.stringValue()).matches()) {
            throw ChangeRejectedException.invalidValue("userName must be an email address");
        }
        if (!attributes.path("active").isBoolean()) {
            throw ChangeRejectedException.invalidValue("active must be a boolean");
        }
        return attributes;
    }

    /** Refuses a change of userName or primary email; keeps the stored spelling of userName. */
    private static ObjectNode immutablesKept(ObjectNode current, ObjectNode next) {
        String before = current.path("userName").asString();
        if (!before.equalsIgnoreCase(next.path("userName").asString())) {
            throw ChangeRejectedException.mutability("userName");
        }
        next.put("userName", before);
        if (!Objects.equals(lower(primaryEmail(current)), lower(primaryEmail(next)))) {
            throw ChangeRejectedException.mutability("The primary email");
        }
        return next;
    }

    /** The value of the email marked primary, else of the first email, else null. */
    static String primaryEmail(JsonNode attributes) {
        JsonNode emails = attributes.get("emails");
        if (emails == null || !emails.isArray() || emails.isEmpty()) {
            return null;
        }
        for (JsonNode email : emails) {
            if (email.path("primary").asBoolean(false)) {
                return email.path("value").asString(null);
            }
        }
        return emails.get(0).path("value").asString(null);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static ObjectNode requireObject(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw ChangeRejectedException.invalidValue("the request body must be a JSON object");
        }
        return (ObjectNode) payload;
    }

    /** Finds an attribute's key in {@code object} ignoring case, as SCIM attribute names are case-insensitive. */
    static String keyOf(ObjectNode object, String name) {
        for (Iterator<String> names = object.propertyNames().iterator(); names.hasNext();) {
            String key = names.next();
            if (key.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return name;
    }

    static ArrayNode asArray(JsonNode value) {
        if (value.isArray()) {
            return (ArrayNode) value.deepCopy();
        }
        ArrayNode array = NODES.arrayNode();
        array.add(value.deepCopy());
        return array;
    }
}

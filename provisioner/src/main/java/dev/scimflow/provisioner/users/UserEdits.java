package dev.scimflow.provisioner.users;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.scimflow.scim.Patcher;
import dev.scimflow.scim.ScimException;
import dev.scimflow.scim.schema.Schemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The product's rules for user writes, as pure functions from the stored attributes and a request normalised by
 * ingest-api to the attributes to store. Refusals are {@link ScimException}s.
 *
 * <p>Note that userName and the primary email are immutable in this product: a write that would change either
 * (compared case-insensitively) is refused with {@code mutability}; a PUT without {@code emails} keeps the
 * stored ones, and the stored spelling of userName is kept.
 */
final class UserEdits {

    /** Application username format Email: something@domain, no spaces. */
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final int MAX_USER_NAME = 320;

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
        ObjectNode attributes = current.deepCopy();
        for (JsonNode operation : operations) {
            Patcher.apply(attributes, Schemas.USERS, operation);
        }
        return immutablesKept(current, validated(attributes));
    }

    private static ObjectNode validated(ObjectNode attributes) {
        JsonNode userName = attributes.get("userName");
        if (userName == null || !userName.isString() || userName.stringValue().length() > MAX_USER_NAME
                || !EMAIL.matcher(userName.stringValue()).matches()) {
            throw ScimException.invalidValue("userName must be an email address");
        }
        if (!attributes.path("active").isBoolean()) {
            throw ScimException.invalidValue("active must be true or false");
        }
        return attributes;
    }

    /** Refuses a change of userName or primary email; keeps the stored spelling of userName. */
    private static ObjectNode immutablesKept(ObjectNode current, ObjectNode next) {
        String before = current.path("userName").asString();
        if (!before.equalsIgnoreCase(next.path("userName").asString())) {
            throw mutability("userName");
        }
        next.put("userName", before);
        if (!Objects.equals(lower(primaryEmail(current)), lower(primaryEmail(next)))) {
            throw mutability("The primary email");
        }
        return next;
    }

    private static ScimException mutability(String attribute) {
        return ScimException.mutability(attribute + " cannot be changed: username and email changes are not"
                + " supported here; contact support to change them");
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
            throw ScimException.invalidValue("the request body must be a JSON object");
        }
        return (ObjectNode) payload;
    }
}

package dev.scimflow.scim;

import java.util.Optional;

import dev.scimflow.scim.schema.Attribute;
import dev.scimflow.scim.schema.ResourceSchema;
import dev.scimflow.scim.schema.ResourceType;

/**
 * A PATCH path of RFC 7644 section 3.5.2: {@code attr}, {@code attr.sub}, {@code attr[filter]},
 * {@code attr[filter].sub}, each optionally qualified by a schema URN. Resolved against a resource type, so the
 * attribute definitions are at hand.
 *
 * @param schema       the schema holding the attribute (the core schema or an extension)
 * @param attribute    the attribute
 * @param filter       the value filter selecting values of a multi-valued attribute, or null
 * @param subAttribute the sub-attribute, or null
 */
public record PatchPath(ResourceSchema schema, Attribute attribute, Filter filter, Attribute subAttribute) {

    /** True when the attribute lives in an extension, that is under the extension's URN in the resource. */
    public boolean inExtension(ResourceType type) {
        return !schema.id().equals(type.schema().id());
    }

    /**
     * Parses and resolves a path. Empty when it names an attribute outside the resource type's schemas (such
     * attributes are not stored, so operations on them are skipped); a malformed path is {@code invalidPath}.
     */
    public static Optional<PatchPath> parse(String text, ResourceType type) {
        if (text == null || text.isBlank() || text.length() > FilterParser.MAX_LENGTH) {
            throw ScimException.invalidPath("The path is empty or too long");
        }
        String path = text.strip();
        Filter filter = null;
        String suffix = "";
        int open = path.indexOf('[');
        if (open >= 0) {
            int close = path.lastIndexOf(']');
            if (close < open) {
                throw ScimException.invalidPath("Invalid path: unbalanced '['");
            }
            filter = parseFilter(path.substring(open + 1, close));
            suffix = path.substring(close + 1);
            path = path.substring(0, open);
            if (!suffix.isEmpty() && (suffix.charAt(0) != '.' || suffix.length() == 1)) {
                throw ScimException.invalidPath("Invalid path: expected '.subAttribute' after ']'");
            }
        }
        Optional<Qualified> qualified = qualify(path, type);
        if (qualified.isEmpty()) {
            return Optional.empty();
        }
        return resolve(qualified.get(), filter, suffix.isEmpty() ? null : suffix.substring(1));
    }

    private static Optional<PatchPath> resolve(Qualified qualified, Filter filter, String filterSub) {
        String name = qualified.name();
        String sub = filterSub;
        int dot = name.indexOf('.');
        if (dot >= 0) {
            if (filter != null || name.indexOf('.', dot + 1) >= 0) {
                throw ScimException.invalidPath("Invalid path '" + qualified.name() + "'");
            }
            sub = name.substring(dot + 1);
            name = name.substring(0, dot);
        }
        if (!isName(name) || sub != null && !isName(sub)) {
            throw ScimException.invalidPath("Invalid attribute name in path");
        }
        Optional<Attribute> attribute = qualified.schema().attribute(name);
        if (attribute.isEmpty()) {
            return Optional.empty();
        }
        if (filter != null && !attribute.get().multiValued()) {
            throw ScimException.invalidPath("A value filter needs a multi-valued attribute; '"
                    + attribute.get().name() + "' is single-valued");
        }
        Attribute subAttribute = null;
        if (sub != null) {
            subAttribute = attribute.get().subAttribute(sub).orElse(null);
            if (subAttribute == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new PatchPath(qualified.schema(), attribute.get(), filter, subAttribute));
    }

    private record Qualified(ResourceSchema schema, String name) {
    }

    /** Splits off a schema URN prefix; empty for an unknown URN. */
    private static Optional<Qualified> qualify(String path, ResourceType type) {
        if (!path.regionMatches(true, 0, "urn:", 0, 4)) {
            return Optional.of(new Qualified(type.schema(), path));
        }
        int cut = path.lastIndexOf(':');
        String candidate = path.substring(0, cut);
        String rest = path.substring(cut + 1);
        // the URN's last segment may hold a dot ("...:2.0:User"), an attribute name never a colon
        return type.schemaOf(candidate).map(schema -> new Qualified(schema, rest));
    }

    private static Filter parseFilter(String text) {
        try {
            return FilterParser.parse(text);
        }
        catch (ScimException ex) {
            throw ScimException.invalidPath("Invalid value filter in path: " + ex.getMessage());
        }
    }

    private static boolean isName(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '$')) {
            return false;
        }
        return name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$');
    }
}

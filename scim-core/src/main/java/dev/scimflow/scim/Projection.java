package dev.scimflow.scim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scimflow.scim.schema.ResourceType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code attributes} and {@code excludedAttributes} parameters of RFC 7644 section 3.9, applied to a rendered
 * resource. Names are attribute paths ({@code userName}, {@code name.givenName}, {@code members}), optionally
 * URN-qualified, compared ignoring case; {@code id} and {@code schemas} are always returned.
 */
public final class Projection {

    private static final List<String> ALWAYS = List.of("id", "schemas");

    private final List<String> included;
    private final List<String> excluded;
    private final ResourceType type;

    private Projection(ResourceType type, List<String> included, List<String> excluded) {
        this.type = type;
        this.included = included;
        this.excluded = excluded;
    }

    public static Projection of(ResourceType type, String attributes, String excludedAttributes) {
        return new Projection(type, names(type, attributes), names(type, excludedAttributes));
    }

    /** True when {@code attribute} (a top-level name) would be dropped: a caller may then not load it at all. */
    public boolean excludes(String attribute) {
        String name = attribute.toLowerCase(Locale.ROOT);
        return excluded.contains(name) || !included.isEmpty() && included.stream()
                .noneMatch(path -> path.equals(name) || path.startsWith(name + "."));
    }

    public ObjectNode apply(ObjectNode resource) {
        if (included.isEmpty() && excluded.isEmpty()) {
            return resource;
        }
        ObjectNode projected = resource.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> fields = projected.properties().iterator(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey().toLowerCase(Locale.ROOT);
            if (ALWAYS.contains(name)) {
                continue;
            }
            if (field.getValue().isObject()) {
                project(name, (ObjectNode) field.getValue());
                if (field.getValue().isEmpty() && !keepsWhole(name)) {
                    fields.remove();
                }
            }
            else if (!kept(name)) {
                fields.remove();
            }
        }
        return projected;
    }

    private void project(String parent, ObjectNode object) {
        if (keepsWhole(parent)) {
            return;
        }
        object.properties().removeIf(field -> !kept(parent + "." + field.getKey().toLowerCase(Locale.ROOT)));
    }

    private boolean keepsWhole(String name) {
        return !excluded.contains(name) && (included.isEmpty() || included.contains(name));
    }

    private boolean kept(String path) {
        if (excluded.contains(path) || excludedParent(path)) {
            return false;
        }
        // "emails.value" keeps the emails: sub-attributes of multi-valued attributes are not projected
        return included.isEmpty() || included.stream().anyMatch(candidate -> candidate.equals(path)
                || path.startsWith(candidate + ".") || candidate.startsWith(path + "."));
    }

    private boolean excludedParent(String path) {
        int dot = path.lastIndexOf('.');
        return dot > 0 && excluded.contains(path.substring(0, dot));
    }

    /** Lower-cased paths; an extension attribute becomes {@code <urn>.<attribute>}, its extension {@code <urn>}. */
    private static List<String> names(ResourceType type, String list) {
        List<String> names = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return names;
        }
        for (String raw : list.split(",")) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            String core = type.schema().id().toLowerCase(Locale.ROOT) + ":";
            if (name.startsWith(core)) {
                name = name.substring(core.length());
            }
            else {
                for (var extension : type.extensions()) {
                    String urn = extension.id().toLowerCase(Locale.ROOT);
                    if (name.startsWith(urn + ":")) {
                        name = urn + "." + name.substring(urn.length() + 1);
                    }
                }
            }
            names.add(name);
        }
        return names;
    }
}

package dev.scimflow.scim;

import java.util.ArrayList;
import java.util.List;

import dev.scimflow.scim.schema.Attribute;
import dev.scimflow.scim.schema.ResourceType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies canonical PATCH operations (see {@link Requests#patch}) to a resource's stored attributes, following
 * RFC 7644 section 3.5.2:
 *
 * <ul>
 * <li>{@code add} sets a single value, merges into a complex value, and appends to a multi-valued attribute the
 * values it does not hold yet (adding a value twice is a no-op);</li>
 * <li>{@code replace} sets a value (sub-attributes not given are kept), replaces all values of a multi-valued
 * attribute, or the values a filter selects;</li>
 * <li>{@code remove} removes an attribute, a sub-attribute, the values a filter selects, or, given a value array
 * (as Entra sends for members), exactly those values.</li>
 * </ul>
 *
 * <p>An {@code add} or {@code replace} through a filter that selects nothing creates the value when the filter is
 * a conjunction of {@code eq} comparisons ({@code emails[type eq "work"].value}, as Entra sends); otherwise it is
 * {@code noTarget}. A value marked {@code primary} clears the mark on the attribute's other values.
 */
public final class Patcher {

    private Patcher() {
    }

    public static void apply(ObjectNode resource, ResourceType type, JsonNode operation) {
        String op = operation.path("op").asString("");
        PatchPath path = PatchPath.parse(operation.path("path").asString(""), type).orElse(null);
        if (path == null) {
            return;
        }
        ObjectNode container = container(resource, type, path, !op.equals("remove"));
        if (container == null) {
            return;
        }
        JsonNode value = operation.get("value");
        switch (op) {
            case "add", "replace" -> set(container, path, value, op.equals("replace"));
            case "remove" -> remove(container, path, value);
            default -> throw ScimException.invalidSyntax("Unknown op '" + op + "'");
        }
    }

    private static void set(ObjectNode container, PatchPath path, JsonNode value, boolean replace) {
        Attribute attribute = path.attribute();
        String name = attribute.name();
        if (value == null) {
            throw ScimException.invalidValue("The operation on '" + name + "' needs a value");
        }
        if (path.filter() != null) {
            setSelected(container, path, value, replace);
        }
        else if (path.subAttribute() != null) {
            if (attribute.multiValued()) {
                throw ScimException.invalidPath("Select values of '" + name + "' with a filter to set '"
                        + path.subAttribute().name() + "'");
            }
            child(container, name).set(path.subAttribute().name(), value.deepCopy());
        }
        else if (attribute.multiValued()) {
            ArrayNode values = replace || !container.path(name).isArray() ? container.putArray(name)
                    : (ArrayNode) container.get(name);
            value.forEach(item -> {
                if (!contains(values, item)) {
                    values.add(item.deepCopy());
                }
            });
            onePrimary(values);
        }
        else if (attribute.isComplex() && container.path(name).isObject()) {
            ((ObjectNode) container.get(name)).setAll((ObjectNode) value.deepCopy());
        }
        else {
            container.set(name, value.deepCopy());
        }
    }

    private static void setSelected(ObjectNode container, PatchPath path, JsonNode value, boolean replace) {
        String name = path.attribute().name();
        ArrayNode values = container.path(name).isArray() ? (ArrayNode) container.get(name)
                : container.putArray(name);
        List<ObjectNode> selected = selected(values, path);
        if (selected.isEmpty()) {
            ObjectNode created = fromEqualities(path.filter(), path);
            selected = List.of(created);
            values.add(created);
        }
        for (ObjectNode item : selected) {
            if (path.subAttribute() != null) {
                item.set(path.subAttribute().name(), value.deepCopy());
            }
            else if (value.isObject()) {
                if (replace) {
                    item.removeAll();
                }
                item.setAll((ObjectNode) value.deepCopy());
            }
            else {
                throw ScimException.invalidValue("A value of '" + name + "' must be an object");
            }
        }
        onePrimary(values);
    }

    private static void remove(ObjectNode container, PatchPath path, JsonNode value) {
        String name = path.attribute().name();
        JsonNode existing = container.get(name);
        if (existing == null) {
            return;
        }
        if (path.filter() != null) {
            ArrayNode values = (ArrayNode) existing;
            for (ObjectNode item : selected(values, path)) {
                if (path.subAttribute() != null) {
                    item.remove(path.subAttribute().name());
                }
                else {
                    removeElement(values, item);
                }
            }
        }
        else if (path.subAttribute() != null) {
            if (existing.isArray()) {
                existing.forEach(item -> ((ObjectNode) item).remove(path.subAttribute().name()));
            }
            else if (existing.isObject()) {
                ((ObjectNode) existing).remove(path.subAttribute().name());
            }
        }
        else if (existing.isArray() && value != null && value.isArray()) {
            removeValues((ArrayNode) existing, value);
        }
        else {
            container.remove(name);
        }
    }

    /** Removes the values equal to, or with the same {@code value} as, one of {@code given}. */
    private static void removeValues(ArrayNode values, JsonNode given) {
        for (int i = values.size() - 1; i >= 0; i--) {
            JsonNode item = values.get(i);
            for (JsonNode candidate : given) {
                boolean sameValue = candidate.has("value") && item.has("value")
                        && candidate.get("value").equals(item.get("value"));
                if (sameValue || candidate.equals(item)) {
                    values.remove(i);
                    break;
                }
            }
        }
    }

    private static List<ObjectNode> selected(ArrayNode values, PatchPath path) {
        List<ObjectNode> selected = new ArrayList<>();
        for (JsonNode item : values) {
            if (item.isObject() && FilterMatcher.matches(path.filter(), path.attribute(), item)) {
                selected.add((ObjectNode) item);
            }
        }
        return selected;
    }

    /** A new value made from a filter of {@code eq} comparisons joined by {@code and}; else {@code noTarget}. */
    private static ObjectNode fromEqualities(Filter filter, PatchPath path) {
        ObjectNode created = JsonNodeFactory.instance.objectNode();
        collectEqualities(filter, path, created);
        return created;
    }

    private static void collectEqualities(Filter filter, PatchPath path, ObjectNode into) {
        if (filter instanceof Filter.And and) {
            collectEqualities(and.left(), path, into);
            collectEqualities(and.right(), path, into);
            return;
        }
        if (filter instanceof Filter.Compare compare && compare.operator() == Filter.Operator.EQ
                && path.attribute().subAttribute(compare.attribute()).isPresent()) {
            into.set(path.attribute().subAttribute(compare.attribute()).get().name(), compare.value());
            return;
        }
        throw ScimException.noTarget("No value of '" + path.attribute().name() + "' matches the path's filter");
    }

    private static void onePrimary(ArrayNode values) {
        int last = -1;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).path("primary").asBoolean(false)) {
                last = i;
            }
        }
        for (int i = 0; i < values.size(); i++) {
            if (i != last && values.get(i).isObject() && values.get(i).has("primary")) {
                ((ObjectNode) values.get(i)).put("primary", false);
            }
        }
    }

    private static ObjectNode container(ObjectNode resource, ResourceType type, PatchPath path, boolean create) {
        if (!path.inExtension(type)) {
            return resource;
        }
        JsonNode extension = resource.get(path.schema().id());
        if (extension instanceof ObjectNode object) {
            return object;
        }
        return create ? resource.putObject(path.schema().id()) : null;
    }

    private static ObjectNode child(ObjectNode container, String name) {
        JsonNode node = container.get(name);
        return node instanceof ObjectNode object ? object : container.putObject(name);
    }

    private static boolean contains(ArrayNode values, JsonNode item) {
        for (JsonNode present : values) {
            if (present.equals(item)) {
                return true;
            }
        }
        return false;
    }

    private static void removeElement(ArrayNode values, JsonNode item) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == item) {
                values.remove(i);
                return;
            }
        }
    }
}

package dev.scimflow.scim.schema;

import java.util.List;
import java.util.Optional;

/** A schema of RFC 7643: its URN, name and attributes. */
public record ResourceSchema(String id, String name, String description, List<Attribute> attributes) {

    public ResourceSchema {
        attributes = List.copyOf(attributes);
    }

    /** The attribute of that name, ignoring case. */
    public Optional<Attribute> attribute(String attributeName) {
        return attributes.stream().filter(attribute -> attribute.name().equalsIgnoreCase(attributeName))
                .findFirst();
    }
}

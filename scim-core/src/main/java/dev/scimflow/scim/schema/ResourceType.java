package dev.scimflow.scim.schema;

import java.util.List;
import java.util.Optional;

/**
 * A resource type of RFC 7643 section 6: its endpoint, core schema and extensions. Note that {@code id},
 * {@code externalId} and {@code meta} are common attributes of every resource type and are part of the core
 * schema here.
 */
public record ResourceType(String name, String endpoint, String description, ResourceSchema schema,
        List<ResourceSchema> extensions) {

    public ResourceType {
        extensions = List.copyOf(extensions);
    }

    /** The extension schema with that URN, ignoring case. */
    public Optional<ResourceSchema> extension(String urn) {
        return extensions.stream().filter(extension -> extension.id().equalsIgnoreCase(urn)).findFirst();
    }

    /** The core schema or the extension that this URN names. */
    public Optional<ResourceSchema> schemaOf(String urn) {
        return schema.id().equalsIgnoreCase(urn) ? Optional.of(schema) : extension(urn);
    }
}

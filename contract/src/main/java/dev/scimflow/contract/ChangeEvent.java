package dev.scimflow.contract;

import java.time.Instant;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * A change requested through SCIM, published by ingest-api and applied by the owning consumer.
 *
 * @param type          what to do
 * @param schemaVersion version of this envelope and its payload; consumers refuse versions they do not know
 * @param eventId       unique id of this change; the outcome carries it back
 * @param workspaceId   the workspace the resource belongs to
 * @param resourceId    the id of the resource (assigned by ingest-api on create)
 * @param timestamp     when ingest-api accepted the request
 * @param traceId       trace id of the HTTP request, for logs
 * @param client        the IdP client that sent the request (its User-Agent), for the audit trail; may be null
 * @param expectedVersion the version the request's {@code If-Match} demands, or null for any version
 * @param payload       the normalised request body, its shape given by {@code type}
 */
public record ChangeEvent(ChangeType type, int schemaVersion, String eventId, String workspaceId, String resourceId,
        Instant timestamp, String traceId, String client, Long expectedVersion, JsonNode payload) {

    public static final int SCHEMA_VERSION = 1;

    public ChangeEvent {
        Objects.requireNonNull(type, "'type' cannot be null");
        Objects.requireNonNull(eventId, "'eventId' cannot be null");
        Objects.requireNonNull(workspaceId, "'workspaceId' cannot be null");
        Objects.requireNonNull(resourceId, "'resourceId' cannot be null");
    }

    public String key() {
        return Topics.key(workspaceId, resourceId);
    }
}

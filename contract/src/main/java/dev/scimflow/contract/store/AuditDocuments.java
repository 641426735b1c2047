package dev.scimflow.contract.store;

/**
 * The schema of the {@code audit} collection: one document per change event a consumer handled, applied or
 * rejected, keyed by the event id (so that recording it again on a redelivery is a no-op). Written by the owning
 * consumers, read by ingest-api's admin API. Holds ids only, never personal data.
 */
public final class AuditDocuments {

    public static final String COLLECTION = "audit";

    /** The change event id. */
    public static final String ID = "_id";
    public static final String WORKSPACE_ID = "workspaceId";
    /** When the change was requested. */
    public static final String REQUESTED = "requested";
    /** When the consumer decided its outcome. */
    public static final String DECIDED = "decided";
    /** The IdP client (User-Agent) that sent the request. */
    public static final String CLIENT = "client";
    /** The change type, such as {@code user.create}. */
    public static final String OPERATION = "operation";
    public static final String RESOURCE_TYPE = "resourceType";
    public static final String RESOURCE_ID = "resourceId";
    /** The HTTP status of the outcome. */
    public static final String STATUS = "status";
    public static final String SCIM_TYPE = "scimType";
    public static final String TRACE_ID = "traceId";

    public static final String WORKSPACE_TIME_INDEX = "workspace_requested";

    private AuditDocuments() {
    }
}

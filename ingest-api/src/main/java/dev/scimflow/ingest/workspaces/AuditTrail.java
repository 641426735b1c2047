package dev.scimflow.ingest.workspaces;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import dev.scimflow.contract.store.AuditDocuments;
import dev.scimflow.contract.store.TeamDocuments;
import dev.scimflow.contract.store.UserDocuments;

/** Reads a workspace's audit trail and provisioning counts, which the consumers write. */
@Component
class AuditTrail {

    private final MongoOperations mongo;

    AuditTrail(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** One handled change: who asked (the IdP client), what, when, and the outcome. */
    record Entry(String eventId, Instant requested, Instant decided, String client, String operation,
            String resourceType, String resourceId, int status, String scimType, String traceId) {
    }

    /** The newest entries first, optionally only failures (status 400 and above). */
    List<Entry> recent(String workspaceId, int limit, boolean failuresOnly) {
        Bson filter = Filters.eq(AuditDocuments.WORKSPACE_ID, workspaceId);
        if (failuresOnly) {
            filter = Filters.and(filter, Filters.gte(AuditDocuments.STATUS, 400));
        }
        List<Entry> entries = new ArrayList<>();
        mongo.getCollection(AuditDocuments.COLLECTION).find(filter)
                .sort(Sorts.descending(AuditDocuments.REQUESTED)).limit(limit)
                .forEach(document -> entries.add(entry(document)));
        return entries;
    }

    long users(String workspaceId) {
        return mongo.getCollection(UserDocuments.COLLECTION).countDocuments(Filters.and(
                Filters.eq(UserDocuments.WORKSPACE_ID, workspaceId), Filters.ne(UserDocuments.DELETED, true)));
    }

    long teams(String workspaceId) {
        return mongo.getCollection(TeamDocuments.COLLECTION).countDocuments(Filters.and(
                Filters.eq(TeamDocuments.WORKSPACE_ID, workspaceId), Filters.ne(TeamDocuments.DELETED, true)));
    }

    private static Entry entry(Document document) {
        return new Entry(document.getString(AuditDocuments.ID),
                document.getDate(AuditDocuments.REQUESTED).toInstant(),
                document.getDate(AuditDocuments.DECIDED).toInstant(), document.getString(AuditDocuments.CLIENT),
                document.getString(AuditDocuments.OPERATION), document.getString(AuditDocuments.RESOURCE_TYPE),
                document.getString(AuditDocuments.RESOURCE_ID), document.getInteger(AuditDocuments.STATUS, 0),
                document.getString(AuditDocuments.SCIM_TYPE), document.getString(AuditDocuments.TRACE_ID));
    }
}

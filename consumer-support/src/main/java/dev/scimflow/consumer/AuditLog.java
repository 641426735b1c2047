package dev.scimflow.consumer;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;


import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;

import dev.scimflow.contract.ChangeEvent;
import dev.scimflow.contract.ChangeOutcome;
import dev.scimflow.contract.store.AuditDocuments;

/**
 * Records every handled change in the workspace's audit trail: who (the IdP client), what (operation and
 * resource id), when and the outcome. Keyed by event id, so a redelivered change overwrites its own entry.
 */

public class AuditLog {

    private static final int MAX_CLIENT_LENGTH = 200;

    private final MongoOperations mongo;

    public AuditLog(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createIndexes() {
        audit().createIndex(Indexes.compoundIndex(Indexes.ascending(AuditDocuments.WORKSPACE_ID),
                Indexes.descending(AuditDocuments.REQUESTED)),
                new IndexOptions().name(AuditDocuments.WORKSPACE_TIME_INDEX));
    }

    public void record(ChangeEvent event, String resourceType, ChangeOutcome outcome) {
        Document entry = new Document(AuditDocuments.ID, event.eventId())
                .append(AuditDocuments.WORKSPACE_ID, event.workspaceId())
                .append(AuditDocuments.REQUESTED, Date.from(event.timestamp() == null ? Instant.now()
                        : event.timestamp()))
                .append(AuditDocuments.DECIDED, new Date())
                .append(AuditDocuments.CLIENT, truncate(event.client()))
                .append(AuditDocuments.OPERATION, event.type().wire())
                .append(AuditDocuments.RESOURCE_TYPE, resourceType)
                .append(AuditDocuments.RESOURCE_ID, event.resourceId())
                .append(AuditDocuments.STATUS, outcome.status())
                .append(AuditDocuments.SCIM_TYPE, outcome.scimType())
                .append(AuditDocuments.TRACE_ID, event.traceId());
        audit().replaceOne(Filters.eq(AuditDocuments.ID, event.eventId()), entry,
                new ReplaceOptions().upsert(true));
    }

    private static String truncate(String client) {
        return client == null || client.length() <= MAX_CLIENT_LENGTH ? client
                : client.substring(0, MAX_CLIENT_LENGTH);
    }

    private MongoCollection<Document> audit() {
        return mongo.getCollection(AuditDocuments.COLLECTION);
    }
}

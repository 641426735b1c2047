package dev.scimflow.provisioner.users;

import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import dev.scimflow.contract.UserState;
import dev.scimflow.contract.store.UserDocuments;

/**
 * The {@code users} collection, written with single-document atomic operations only (the test store has no
 * transactions). Each write records the Kafka position of the change it applies ({@link Marker}), so a
 * redelivered change is recognised instead of applied twice.
 */
@Component
class UserStore {

    private final MongoOperations mongo;

    UserStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The indexes readers rely on: userName (unique), externalId and email lookups, and the paging order. */
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        users().createIndex(Indexes.ascending(UserDocuments.WORKSPACE_ID, UserDocuments.USER_NAME_KEY),
                new IndexOptions().unique(true).name(UserDocuments.USER_NAME_INDEX));
        users().createIndex(Indexes.ascending(UserDocuments.WORKSPACE_ID, UserDocuments.ATTRIBUTES + ".externalId"),
                new IndexOptions().name(UserDocuments.EXTERNAL_ID_INDEX));
        users().createIndex(Indexes.ascending(UserDocuments.WORKSPACE_ID, UserDocuments.EMAIL_KEYS),
                new IndexOptions().name(UserDocuments.EMAIL_INDEX));
        users().createIndex(Indexes.ascending(UserDocuments.WORKSPACE_ID, UserDocuments.CREATED, UserDocuments.ID),
                new IndexOptions().name(UserDocuments.ORDER_INDEX));
    }

    /** The user with its marker; also a tombstone, so that a redelivered delete is recognised. */
    Stored find(String workspaceId, String id) {
        // by primary key alone, then checked: the cheapest lookup on every store
        Document document = users().find(Filters.eq(UserDocuments.ID, id)).first();
        if (document == null || !workspaceId.equals(document.getString(UserDocuments.WORKSPACE_ID))) {
            return null;
        }
        return new Stored(UserDocuments.fromDocument(document), Marker.of(document),
                document.getBoolean(UserDocuments.DELETED, false));
    }

    /** Inserts a new user; false when its userName is taken in the workspace. */
    boolean insert(UserState user, Marker marker) {
        try {
            users().insertOne(UserDocuments.toDocument(user).append(UserDocuments.APPLIED, marker.toDocument()));
            return true;
        }
        catch (MongoWriteException ex) {
            if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw ex;
        }
    }

    /** Writes a user's next state if the stored version is still {@code expectedVersion}. */
    boolean update(UserState user, long expectedVersion, Marker marker) {
        Document next = UserDocuments.toDocument(user).append(UserDocuments.APPLIED, marker.toDocument());
        return users().replaceOne(versioned(user, expectedVersion), next).getModifiedCount() == 1;
    }

    /**
     * Turns a user into a tombstone: readers skip it, its userName is free again, and the delete's marker stays
     * for redeliveries. Note that tombstones are kept; on a real MongoDB a TTL index on lastModified may purge
     * them after the retention of the change topic.
     */
    boolean markDeleted(UserState user, long expectedVersion, Marker marker) {
        Document tombstone = UserDocuments.toDocument(user)
                .append(UserDocuments.USER_NAME_KEY, UserDocuments.deletedUserNameKey(user.id()))
                .append(UserDocuments.EMAIL_KEYS, List.of())
                .append(UserDocuments.DELETED, true)
                .append(UserDocuments.APPLIED, marker.toDocument());
        return users().replaceOne(versioned(user, expectedVersion), tombstone).getModifiedCount() == 1;
    }

    private static Bson versioned(UserState user, long expectedVersion) {
        return Filters.and(byId(user.workspaceId(), user.id()), Filters.eq(UserDocuments.VERSION, expectedVersion));
    }

    private static Bson byId(String workspaceId, String id) {
        return Filters.and(Filters.eq(UserDocuments.ID, id), Filters.eq(UserDocuments.WORKSPACE_ID, workspaceId));
    }

    private MongoCollection<Document> users() {
        return mongo.getCollection(UserDocuments.COLLECTION);
    }

    /** A stored user, the marker of the last change applied to it, and whether it is a tombstone. */
    record Stored(UserState user, Marker marker, boolean deleted) {
    }

    /**
     * Where the last applied change came from (partition and offset of the change topic), its event id, what it
     * did (the public event type name) and the status it answered.
     */
    record Marker(int partition, long offset, String eventId, String eventType, int status) {

        static Marker of(Document document) {
            Document applied = document.get(UserDocuments.APPLIED, Document.class);
            if (applied == null) {
                return null;
            }
            return new Marker(applied.getInteger("partition"), ((Number) applied.get("offset")).longValue(),
                    applied.getString("eventId"), applied.getString("eventType"), applied.getInteger("status"));
        }

        /**
         * True when this change was applied already: its position is at or before the recorded one (a redelivery),
         * or it is the recorded change itself published again.
         */
        boolean covers(int partition, long offset, String eventId) {
            return this.partition == partition && offset <= this.offset || this.eventId.equals(eventId);
        }

        Document toDocument() {
            return new Document("partition", partition).append("offset", offset).append("eventId", eventId)
                    .append("eventType", eventType).append("status", status);
        }
    }
}

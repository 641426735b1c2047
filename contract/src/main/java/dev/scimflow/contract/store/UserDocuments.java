package dev.scimflow.contract.store;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.Document;

import dev.scimflow.contract.UserState;
import tools.jackson.databind.JsonNode;

/**
 * The schema of the {@code users} collection. The provisioner owns the collection and writes it; ingest-api only
 * reads it. Every query must constrain {@link #WORKSPACE_ID}.
 */
public final class UserDocuments {

    public static final String COLLECTION = "users";

    public static final String ID = "_id";
    public static final String WORKSPACE_ID = "workspaceId";
    public static final String USER_NAME = "userName";
    /** Lower-cased userName; unique together with the workspace (userName is case-insensitive in SCIM). */
    public static final String USER_NAME_KEY = "userNameKey";
    public static final String ACTIVE = "active";
    public static final String ATTRIBUTES = "attributes";
    public static final String CREATED = "created";
    public static final String LAST_MODIFIED = "lastModified";
    public static final String VERSION = "version";
    /** Lower-cased email values, for indexed, case-insensitive filters on {@code emails.value}. */
    public static final String EMAIL_KEYS = "emailKeys";
    /**
     * True on the tombstone of a deleted user. Readers must skip tombstones; they keep the last change's marker so
     * that a redelivered delete is recognised. Their {@link #USER_NAME_KEY} is freed for a new user.
     */
    public static final String DELETED = "deleted";
    /** Kafka position of the last change applied to the document; see the provisioner's idempotency rules. */
    public static final String APPLIED = "applied";

    /** Name of the unique index on workspace and {@link #USER_NAME_KEY}. */
    public static final String USER_NAME_INDEX = "workspace_userName_unique";
    public static final String EXTERNAL_ID_INDEX = "workspace_externalId";
    public static final String EMAIL_INDEX = "workspace_emails";
    public static final String ORDER_INDEX = "workspace_created_id";

    private UserDocuments() {
    }

    public static String userNameKey(String userName) {
        return userName.toLowerCase(Locale.ROOT);
    }

    public static Document toDocument(UserState user) {
        return new Document(ID, user.id())
                .append(WORKSPACE_ID, user.workspaceId())
                .append(USER_NAME, user.userName())
                .append(USER_NAME_KEY, userNameKey(user.userName()))
                .append(ACTIVE, user.active())
                .append(ATTRIBUTES, BsonJson.toDocument(user.attributes()))
                .append(EMAIL_KEYS, emailKeys(user.attributes()))
                .append(CREATED, Date.from(user.created()))
                .append(LAST_MODIFIED, Date.from(user.lastModified()))
                .append(VERSION, user.version());
    }

    /** The tombstone key that frees a deleted user's userName in the unique index. */
    public static String deletedUserNameKey(String id) {
        return "deleted/" + id;
    }

    private static List<String> emailKeys(JsonNode attributes) {
        List<String> keys = new ArrayList<>();
        attributes.path("emails").forEach(email -> {
            if (email.path("value").isString()) {
                keys.add(email.get("value").stringValue().toLowerCase(Locale.ROOT));
            }
        });
        return keys;
    }

    public static UserState fromDocument(Document document) {
        return new UserState(document.getString(ID), document.getString(WORKSPACE_ID),
                document.getString(USER_NAME), document.getBoolean(ACTIVE, true),
                BsonJson.toJson(document.get(ATTRIBUTES, Document.class)),
                document.getDate(CREATED).toInstant(), document.getDate(LAST_MODIFIED).toInstant(),
                ((Number) document.get(VERSION)).longValue());
    }
}

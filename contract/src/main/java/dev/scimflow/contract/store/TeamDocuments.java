package dev.scimflow.contract.store;

import java.util.Date;
import java.util.Locale;

import org.bson.Document;

import dev.scimflow.contract.TeamState;

/**
 * The schema of the {@code teams} collection, owned by team-sync and read by ingest-api. A team document never
 * holds its members: each membership is a document of {@link MembershipDocuments}. Look teams up by {@link #ID}
 * and check {@link #WORKSPACE_ID} (or constrain it in the query); skip {@link #DELETED} tombstones.
 */
public final class TeamDocuments {

    public static final String COLLECTION = "teams";

    public static final String ID = "_id";
    public static final String WORKSPACE_ID = "workspaceId";
    public static final String DISPLAY_NAME = "displayName";
    /** Lower-cased displayName; unique together with the workspace. */
    public static final String DISPLAY_NAME_KEY = "displayNameKey";
    public static final String ATTRIBUTES = "attributes";
    public static final String CREATED = "created";
    public static final String LAST_MODIFIED = "lastModified";
    public static final String VERSION = "version";
    /** True on the tombstone of a deleted team; its displayName key is freed. */
    public static final String DELETED = "deleted";
    /** The last applied change, for team-sync's idempotency. */
    public static final String APPLIED = "applied";

    public static final String DISPLAY_NAME_INDEX = "workspace_displayName_unique";
    public static final String ORDER_INDEX = "workspace_created_id";

    private TeamDocuments() {
    }

    public static String displayNameKey(String displayName) {
        return displayName.toLowerCase(Locale.ROOT);
    }

    public static String deletedDisplayNameKey(String id) {
        return "deleted/" + id;
    }

    public static Document toDocument(TeamState team) {
        return new Document(ID, team.id())
                .append(WORKSPACE_ID, team.workspaceId())
                .append(DISPLAY_NAME, team.displayName())
                .append(DISPLAY_NAME_KEY, displayNameKey(team.displayName()))
                .append(ATTRIBUTES, BsonJson.toDocument(team.attributes()))
                .append(CREATED, Date.from(team.created()))
                .append(LAST_MODIFIED, Date.from(team.lastModified()))
                .append(VERSION, team.version());
    }

    public static TeamState fromDocument(Document document) {
        return new TeamState(document.getString(ID), document.getString(WORKSPACE_ID),
                document.getString(DISPLAY_NAME), BsonJson.toJson(document.get(ATTRIBUTES, Document.class)),
                document.getDate(CREATED).toInstant(), document.getDate(LAST_MODIFIED).toInstant(),
                ((Number) document.get(VERSION)).longValue());
    }
}

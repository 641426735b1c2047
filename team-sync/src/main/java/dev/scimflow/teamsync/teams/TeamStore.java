package dev.scimflow.teamsync.teams;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;

import dev.scimflow.contract.TeamState;
import dev.scimflow.contract.store.MembershipDocuments;
import dev.scimflow.contract.store.TeamDocuments;

/**
 * The {@code teams} and {@code memberships} collections, and team-sync's own bookkeeping: the effects of changes
 * being applied ({@code teamEffects}) and the users known to be deleted ({@code removedUsers}). Every write is a
 * single-document operation or an idempotent batch of them; memberships are added, found and removed by id, so
 * that a change of one member costs the same whatever the team's size.
 */
@Component
class TeamStore {

    static final String EFFECTS = "teamEffects";
    static final String REMOVED_USERS = "removedUsers";
    /** Members per effect document, to stay far below MongoDB's document size limit. */
    static final int EFFECT_CHUNK = 5000;
    private static final int BATCH = 1000;

    private final MongoOperations mongo;

    TeamStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** A member as the IdP sent it: the user's id and its display value. */
    record Member(String userId, String display) {
    }

    /** A stored team, the marker of the last change applied to it, and whether it is a tombstone. */
    record Stored(TeamState team, Marker marker, boolean deleted) {
    }

    /**
     * The last applied change: its Kafka position and id, the status it answered, the team events it published
     * (member events come from its effect) and how many effect documents hold its member changes.
     */
    record Marker(int partition, long offset, String eventId, int status, List<String> events, int effectChunks) {

        static Marker of(Document document) {
            Document applied = document.get(TeamDocuments.APPLIED, Document.class);
            if (applied == null) {
                return null;
            }
            return new Marker(applied.getInteger("partition"), ((Number) applied.get("offset")).longValue(),
                    applied.getString("eventId"), applied.getInteger("status"),
                    applied.getList("events", String.class), applied.getInteger("effectChunks", 0));
        }

        boolean covers(int partition, long offset, String eventId) {
            return this.partition == partition && offset <= this.offset || this.eventId.equals(eventId);
        }

        Document toDocument() {
            return new Document("partition", partition).append("offset", offset).append("eventId", eventId)
                    .append("status", status).append("events", events).append("effectChunks", effectChunks);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        teams().createIndex(Indexes.ascending(TeamDocuments.WORKSPACE_ID, TeamDocuments.DISPLAY_NAME_KEY),
                new IndexOptions().unique(true).name(TeamDocuments.DISPLAY_NAME_INDEX));
        teams().createIndex(Indexes.ascending(TeamDocuments.WORKSPACE_ID, TeamDocuments.CREATED, TeamDocuments.ID),
                new IndexOptions().name(TeamDocuments.ORDER_INDEX));
        memberships().createIndex(Indexes.ascending(MembershipDocuments.TEAM_ID, MembershipDocuments.USER_ID),
                new IndexOptions().name(MembershipDocuments.TEAM_INDEX));
        memberships().createIndex(Indexes.ascending(MembershipDocuments.WORKSPACE_ID, MembershipDocuments.USER_ID),
                new IndexOptions().name(MembershipDocuments.USER_INDEX));
    }

    /** The team with that id in that workspace, tombstones included (for redelivered deletes). */
    Stored find(String workspaceId, String id) {
        Document document = teams().find(Filters.eq(TeamDocuments.ID, id)).first();
        if (document == null || !workspaceId.equals(document.getString(TeamDocuments.WORKSPACE_ID))) {
            return null;
        }
        return new Stored(TeamDocuments.fromDocument(document), Marker.of(document),
                document.getBoolean(TeamDocuments.DELETED, false));
    }

    /** Inserts a new team; false when its displayName is taken in the workspace. */
    boolean insert(TeamState team, Marker marker) {
        try {
            teams().insertOne(TeamDocuments.toDocument(team).append(TeamDocuments.APPLIED, marker.toDocument()));
            return true;
        }
        catch (MongoWriteException ex) {
            if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw ex;
        }
    }

    /** Replaces a team if its stored version is still {@code expectedVersion}; false on a duplicate name. */
    boolean update(TeamState team, long expectedVersion, Marker marker) {
        return replace(team, expectedVersion, TeamDocuments.toDocument(team)
                .append(TeamDocuments.APPLIED, marker.toDocument()));
    }

    /** Turns a team into a tombstone that frees its name and keeps the delete's marker. */
    void markDeleted(TeamState team, long expectedVersion, Marker marker) {
        replace(team, expectedVersion, TeamDocuments.toDocument(team)
                .append(TeamDocuments.DISPLAY_NAME_KEY, TeamDocuments.deletedDisplayNameKey(team.id()))
                .append(TeamDocuments.DELETED, true)
                .append(TeamDocuments.APPLIED, marker.toDocument()));
    }

    private boolean replace(TeamState team, long expectedVersion, Document next) {
        try {
            long matched = teams().replaceOne(Filters.and(Filters.eq(TeamDocuments.ID, team.id()),
                    Filters.eq(TeamDocuments.VERSION, expectedVersion)), next).getMatchedCount();
            if (matched != 1) {
                throw new IllegalStateException("team " + team.id() + " changed concurrently; retrying");
            }
            return true;
        }
        catch (MongoWriteException ex) {
            if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw ex;
        }
    }

    /** Which of these users are members of the team now. */
    Set<String> present(String workspaceId, String teamId, Set<String> userIds) {
        Set<String> present = new HashSet<>();
        for (List<String> chunk : chunks(new ArrayList<>(userIds), BATCH)) {
            List<String> ids = chunk.stream().map(user -> MembershipDocuments.id(workspaceId, teamId, user)).toList();
            memberships().find(Filters.in(MembershipDocuments.ID, ids))
                    .projection(Projections.include(MembershipDocuments.USER_ID))
                    .forEach(document -> present.add(document.getString(MembershipDocuments.USER_ID)));
        }
        return present;
    }

    /** All members of the team: for replacing or removing the whole list, which costs what the list costs. */
    Set<String> members(String teamId) {
        Set<String> members = new HashSet<>();
        memberships().find(Filters.eq(MembershipDocuments.TEAM_ID, teamId))
                .projection(Projections.include(MembershipDocuments.USER_ID))
                .forEach(document -> members.add(document.getString(MembershipDocuments.USER_ID)));
        return members;
    }

    /** Adds memberships; those already present stay as they are. */
    void addMembers(String workspaceId, String teamId, List<Member> members) {
        Date now = new Date();
        for (List<Member> chunk : chunks(members, BATCH)) {
            List<Document> documents = chunk.stream().map(member -> new Document(MembershipDocuments.ID,
                    MembershipDocuments.id(workspaceId, teamId, member.userId()))
                    .append(MembershipDocuments.WORKSPACE_ID, workspaceId)
                    .append(MembershipDocuments.TEAM_ID, teamId)
                    .append(MembershipDocuments.USER_ID, member.userId())
                    .append(MembershipDocuments.DISPLAY, member.display())
                    .append(MembershipDocuments.ADDED, now)).toList();
            try {
                memberships().insertMany(documents, new InsertManyOptions().ordered(false));
            }
            catch (MongoBulkWriteException ex) {
                boolean onlyDuplicates = ex.getWriteErrors().stream()
                        .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
                if (!onlyDuplicates) {
                    throw ex;
                }
            }
        }
    }

    void removeMembers(String workspaceId, String teamId, List<String> userIds) {
        for (List<String> chunk : chunks(userIds, BATCH)) {
            memberships().deleteMany(Filters.in(MembershipDocuments.ID,
                    chunk.stream().map(user -> MembershipDocuments.id(workspaceId, teamId, user)).toList()));
        }
    }

    void removeAllMembers(String teamId) {
        memberships().deleteMany(Filters.eq(MembershipDocuments.TEAM_ID, teamId));
    }

    /** The teams a user is a member of. */
    List<String> teamsOf(String workspaceId, String userId) {
        List<String> teams = new ArrayList<>();
        memberships().find(Filters.and(Filters.eq(MembershipDocuments.WORKSPACE_ID, workspaceId),
                Filters.eq(MembershipDocuments.USER_ID, userId)))
                .projection(Projections.include(MembershipDocuments.TEAM_ID))
                .forEach(document -> teams.add(document.getString(MembershipDocuments.TEAM_ID)));
        return teams;
    }

    /** Writes the member changes of a change before they are applied, so a redelivery can apply them again. */
    int writeEffect(String eventId, String teamId, List<Member> added, List<String> removed) {
        List<List<Member>> addedChunks = chunks(added, EFFECT_CHUNK);
        List<List<String>> removedChunks = chunks(removed, EFFECT_CHUNK);
        int count = Math.max(addedChunks.size(), removedChunks.size());
        for (int i = 0; i < count; i++) {
            List<Document> adds = i < addedChunks.size() ? addedChunks.get(i).stream()
                    .map(member -> new Document("u", member.userId()).append("d", member.display())).toList()
                    : List.of();
            List<String> removes = i < removedChunks.size() ? removedChunks.get(i) : List.of();
            effects().replaceOne(Filters.eq("_id", eventId + "/" + i), new Document("_id", eventId + "/" + i)
                    .append("teamId", teamId).append("added", adds).append("removed", removes),
                    new ReplaceOptions().upsert(true));
        }
        return count;
    }

    /** The member changes of an applied change, for a redelivery. */
    Effect readEffect(String eventId, int chunks) {
        List<Member> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            Document chunk = effects().find(Filters.eq("_id", eventId + "/" + i)).first();
            if (chunk == null) {
                throw new IllegalStateException("effect " + i + " of change " + eventId + " is missing");
            }
            chunk.getList("added", Document.class).forEach(member -> added.add(new Member(member.getString("u"),
                    member.getString("d"))));
            removed.addAll(chunk.getList("removed", String.class));
        }
        return new Effect(added, removed);
    }

    void deleteEffect(String eventId, int chunks) {
        for (int i = 0; i < chunks; i++) {
            effects().deleteOne(Filters.eq("_id", eventId + "/" + i));
        }
    }

    /** Member changes: added members and removed user ids. */
    record Effect(List<Member> added, List<String> removed) {

        static final Effect NONE = new Effect(List.of(), List.of());

        boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    /** Users (of these) that the provisioner has deleted: they can no longer be added to teams. */
    Set<String> removedAmong(String workspaceId, Set<String> userIds) {
        Set<String> removed = new HashSet<>();
        for (List<String> chunk : chunks(new ArrayList<>(userIds), BATCH)) {
            removedUsers().find(Filters.in("_id", chunk.stream().map(user -> workspaceId + "/" + user).toList()))
                    .forEach(document -> removed.add(document.getString("userId")));
        }
        return removed;
    }

    /** The record of a deleted user: the teams it leaves (null until known), and the event that said so. */
    Document removedUser(String workspaceId, String userId) {
        return removedUsers().find(Filters.eq("_id", workspaceId + "/" + userId)).first();
    }

    void recordRemovedUser(String workspaceId, String userId, List<String> teams, String eventId) {
        removedUsers().replaceOne(Filters.eq("_id", workspaceId + "/" + userId), new Document("_id",
                workspaceId + "/" + userId).append("userId", userId).append("teams", teams)
                .append("eventId", eventId), new ReplaceOptions().upsert(true));
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }

    private MongoCollection<Document> teams() {
        return mongo.getCollection(TeamDocuments.COLLECTION);
    }

    private MongoCollection<Document> memberships() {
        return mongo.getCollection(MembershipDocuments.COLLECTION);
    }

    private MongoCollection<Document> effects() {
        return mongo.getCollection(EFFECTS);
    }

    private MongoCollection<Document> removedUsers() {
        return mongo.getCollection(REMOVED_USERS);
    }
}

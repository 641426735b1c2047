package dev.scimflow.ingest.workspaces;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The {@code workspaces} collection, owned by ingest-api: a workspace, the hash of its current SCIM token and
 * when the IdP last called. Tokens are looked up on every request (no cache), so a regenerated or revoked token
 * takes effect on every instance at once.
 */
@Component
public class Workspaces {

    static final String COLLECTION = "workspaces";
    private static final String NAME = "name";
    private static final String CREATED = "created";
    private static final String TOKEN_HASH = "tokenHash";
    private static final String TOKEN_CREATED = "tokenCreated";
    /** The hash of the last bootstrap token applied, so that a restart does not apply it again. */
    private static final String BOOTSTRAP_HASH = "bootstrapTokenHash";
    private static final String LAST_REQUEST = "lastRequest";
    private static final String LAST_USER_AGENT = "lastUserAgent";
    private static final int MAX_USER_AGENT = 200;
    /** The last call is recorded at most this often per workspace and instance, to keep writes off the hot path. */
    static final Duration ACTIVITY_GRANULARITY = Duration.ofSeconds(30);

    private final MongoOperations mongo;
    private final Map<String, Activity> recorded = new ConcurrentHashMap<>();

    Workspaces(MongoOperations mongo) {
        this.mongo = mongo;
        collection().createIndex(Indexes.ascending(TOKEN_HASH),
                new IndexOptions().unique(true).sparse(true).name("tokenHash_unique"));
    }

    /** A workspace as the admin API shows it; never its token. */
    public record Workspace(String id, String name, Instant created, boolean connected, Instant tokenCreated,
            Instant lastRequest, String lastUserAgent) {
    }

    public Workspace create(String name) {
        Document document = new Document("_id", UUID.randomUUID().toString()).append(NAME, name)
                .append(CREATED, new Date());
        collection().insertOne(document);
        return workspace(document);
    }

    public List<Workspace> list() {
        List<Workspace> workspaces = new ArrayList<>();
        collection().find().sort(Sorts.ascending(CREATED, "_id")).forEach(document -> workspaces.add(
                workspace(document)));
        return workspaces;
    }

    public Optional<Workspace> find(String id) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", id)).first()).map(Workspaces::workspace);
    }

    /** The id of the workspace whose current token this is. */
    public Optional<String> findByToken(String token) {
        Document workspace = collection().find(Filters.eq(TOKEN_HASH, Tokens.hash(token)))
                .projection(new Document("_id", 1)).first();
        return Optional.ofNullable(workspace).map(document -> document.getString("_id"));
    }

    /** Generates a new token for an existing workspace, revoking the previous one; empty if there is none. */
    public Optional<String> regenerateToken(String id) {
        String token = Tokens.generate();
        long matched = collection().updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set(TOKEN_HASH, Tokens.hash(token)), Updates.set(TOKEN_CREATED, new Date())))
                .getMatchedCount();
        return matched == 1 ? Optional.of(token) : Optional.empty();
    }

    /** Disconnects SCIM: the current token stops working and none replaces it. False if there is no workspace. */
    public boolean revokeToken(String id) {
        return collection().updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.unset(TOKEN_HASH), Updates.unset(TOKEN_CREATED))).getMatchedCount() == 1;
    }

    /**
     * Creates the workspace if needed and makes {@code token} its only valid token, unless this same bootstrap
     * token was applied before: a restart must not revive a token that an admin has since rotated or revoked.
     * Returns whether the token was applied.
     */
    public boolean applyBootstrapToken(String workspaceId, String name, String token) {
        String hash = Tokens.hash(token);
        Document existing = collection().find(Filters.eq("_id", workspaceId)).first();
        if (existing != null && hash.equals(existing.getString(BOOTSTRAP_HASH))) {
            return false;
        }
        if (existing != null && existing.getString(BOOTSTRAP_HASH) == null) {
            // a workspace from before bootstrap tokens were recorded: its current token (or none) stands
            collection().updateOne(Filters.eq("_id", workspaceId), Updates.set(BOOTSTRAP_HASH, hash));
            return false;
        }
        Date now = new Date();
        collection().updateOne(Filters.eq("_id", workspaceId),
                Updates.combine(Updates.set(TOKEN_HASH, hash), Updates.set(TOKEN_CREATED, now),
                        Updates.set(BOOTSTRAP_HASH, hash), Updates.setOnInsert(NAME, name),
                        Updates.setOnInsert(CREATED, now)),
                new UpdateOptions().upsert(true));
        return true;
    }

    /** Notes that the IdP called; written at most every {@link #ACTIVITY_GRANULARITY} or on a new User-Agent. */
    public void recordCall(String id, String userAgent) {
        String client = userAgent == null ? null
                : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT));
        Instant now = Instant.now();
        Activity previous = recorded.get(id);
        if (previous != null && Objects.equals(previous.client(), client)
                && previous.at().plus(ACTIVITY_GRANULARITY).isAfter(now)) {
            return;
        }
        recorded.put(id, new Activity(now, client));
        collection().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set(LAST_REQUEST, Date.from(now)),
                Updates.set(LAST_USER_AGENT, client)));
    }

    private record Activity(Instant at, String client) {
    }

    private static Workspace workspace(Document document) {
        return new Workspace(document.getString("_id"), document.getString(NAME), instant(document, CREATED),
                document.getString(TOKEN_HASH) != null, instant(document, TOKEN_CREATED),
                instant(document, LAST_REQUEST), document.getString(LAST_USER_AGENT));
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}

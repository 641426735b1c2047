package dev.scimflow.ingest.workspaces;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The {@code workspaces} collection, owned by ingest-api: a workspace and the hash of its current SCIM token.
 * Tokens are looked up on every request, so a regenerated token takes effect on every instance at once.
 */
@Component
public class Workspaces {

    static final String COLLECTION = "workspaces";
    static final String TOKEN_HASH = "tokenHash";

    private final MongoOperations mongo;

    Workspaces(MongoOperations mongo) {
        this.mongo = mongo;
        collection().createIndex(Indexes.ascending(TOKEN_HASH),
                new IndexOptions().unique(true).sparse(true).name("tokenHash_unique"));
    }

    /** The id of the workspace whose current token this is. */
    public Optional<String> findByToken(String token) {
        Document workspace = collection().find(Filters.eq(TOKEN_HASH, Tokens.hash(token)))
                .projection(new Document("_id", 1)).first();
        return Optional.ofNullable(workspace).map(document -> document.getString("_id"));
    }

    /** Creates the workspace if needed and makes {@code token} its only valid token. */
    public void setToken(String workspaceId, String name, String token) {
        Date now = Date.from(Instant.now());
        collection().updateOne(Filters.eq("_id", workspaceId),
                Updates.combine(Updates.set(TOKEN_HASH, Tokens.hash(token)), Updates.set("tokenCreated", now),
                        Updates.setOnInsert("name", name), Updates.setOnInsert("created", now)),
                new UpdateOptions().upsert(true));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}

package dev.scimflow.ingest.users;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import dev.scimflow.contract.UserState;
import dev.scimflow.contract.store.UserDocuments;
import dev.scimflow.ingest.scim.Filter;

/** Reads users of one workspace from the collection the provisioner maintains. */
@Component
class UserReads {

    private final MongoOperations mongo;

    UserReads(MongoOperations mongo) {
        this.mongo = mongo;
    }

    UserState find(String workspaceId, String id) {
        Document document = users().find(Filters.and(Filters.eq(UserDocuments.ID, id),
                Filters.eq(UserDocuments.WORKSPACE_ID, workspaceId))).first();
        return document == null ? null : UserDocuments.fromDocument(document);
    }

    /** A page of matching users in a stable order (creation time, then id), and the total number of matches. */
    Page list(String workspaceId, Filter filter, int startIndex, int count) {
        Bson query = Filters.eq(UserDocuments.WORKSPACE_ID, workspaceId);
        if (filter != null) {
            query = Filters.and(query, UserFilters.toQuery(filter));
        }
        long total = users().countDocuments(query);
        List<UserState> users = new ArrayList<>();
        if (count > 0 && startIndex - 1 < total) {
            users().find(query).sort(Sorts.ascending(UserDocuments.CREATED, UserDocuments.ID))
                    .skip(startIndex - 1).limit(count)
                    .forEach(document -> users.add(UserDocuments.fromDocument(document)));
        }
        return new Page(total, users);
    }

    private MongoCollection<Document> users() {
        return mongo.getCollection(UserDocuments.COLLECTION);
    }

    record Page(long total, List<UserState> users) {
    }
}

package dev.scimflow.ingest.users;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import dev.scimflow.contract.UserState;
import dev.scimflow.contract.store.UserDocuments;
import dev.scimflow.ingest.scim.ListQuery;
import dev.scimflow.ingest.scim.MongoFilters;

/** Reads live users (not tombstones) of one workspace from the collection the provisioner maintains. */
@Component
class UserReads {

    private final MongoOperations mongo;

    UserReads(MongoOperations mongo) {
        this.mongo = mongo;
    }

    UserState find(String workspaceId, String id) {
        Document document = users().find(Filters.and(Filters.eq(UserDocuments.ID, id), live(workspaceId))).first();
        return document == null ? null : UserDocuments.fromDocument(document);
    }

    /** A page of matching users and the total number of matches. */
    Page list(String workspaceId, ListQuery query) {
        Bson filter = live(workspaceId);
        if (query.filter() != null) {
            filter = Filters.and(filter, MongoFilters.toQuery(query.filter(), UserFields.INSTANCE));
        }
        long total = users().countDocuments(filter);
        List<UserState> users = new ArrayList<>();
        if (query.count() > 0 && query.startIndex() - 1 < total) {
            users().find(filter).sort(query.sort()).skip(query.startIndex() - 1).limit(query.count())
                    .forEach(document -> users.add(UserDocuments.fromDocument(document)));
        }
        return new Page(total, users);
    }

    private static Bson live(String workspaceId) {
        return Filters.and(Filters.eq(UserDocuments.WORKSPACE_ID, workspaceId),
                Filters.ne(UserDocuments.DELETED, true));
    }

    private MongoCollection<Document> users() {
        return mongo.getCollection(UserDocuments.COLLECTION);
    }

    record Page(long total, List<UserState> users) {
    }
}

package dev.scimflow.ingest.users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import dev.scimflow.contract.UserState;
import dev.scimflow.contract.store.MembershipDocuments;
import dev.scimflow.contract.store.UserDocuments;
import dev.scimflow.ingest.scim.ListQuery;
import dev.scimflow.ingest.scim.MongoFilters;
import dev.scimflow.scim.Filter;

/** Reads live users (not tombstones) of one workspace from the collection the provisioner maintains. */
@Component
class UserReads {

    private final MongoOperations mongo;

    UserReads(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Looked up by id alone, then checked against the workspace: the cheapest lookup on every store. */
    UserState find(String workspaceId, String id) {
        Document document = users().find(Filters.eq(UserDocuments.ID, id)).first();
        if (document == null || !workspaceId.equals(document.getString(UserDocuments.WORKSPACE_ID))
                || document.getBoolean(UserDocuments.DELETED, false)) {
            return null;
        }
        return UserDocuments.fromDocument(document);
    }

    /**
     * A page of matching users and the total number of matches. The filter {@code groups.value eq "<group id>"}
     * pages through a team's members in the order of their ids; note that it cannot be combined with others.
     */
    Page list(String workspaceId, ListQuery query) {
        String team = teamFilter(query.filter());
        if (team != null) {
            return members(workspaceId, team, query);
        }
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

    private Page members(String workspaceId, String teamId, ListQuery query) {
        Bson filter = Filters.and(Filters.eq(MembershipDocuments.WORKSPACE_ID, workspaceId),
                Filters.eq(MembershipDocuments.TEAM_ID, teamId));
        MongoCollection<Document> memberships = mongo.getCollection(MembershipDocuments.COLLECTION);
        long total = memberships.countDocuments(filter);
        List<String> ids = new ArrayList<>();
        if (query.count() > 0 && query.startIndex() - 1 < total) {
            memberships.find(filter).sort(Sorts.ascending(MembershipDocuments.TEAM_ID, MembershipDocuments.USER_ID))
                    .skip(query.startIndex() - 1).limit(query.count())
                    .projection(Projections.include(MembershipDocuments.USER_ID))
                    .forEach(document -> ids.add(document.getString(MembershipDocuments.USER_ID)));
        }
        Map<String, UserState> found = new HashMap<>();
        if (!ids.isEmpty()) {
            users().find(Filters.in(UserDocuments.ID, ids)).forEach(document -> {
                if (workspaceId.equals(document.getString(UserDocuments.WORKSPACE_ID))
                        && !document.getBoolean(UserDocuments.DELETED, false)) {
                    found.put(document.getString(UserDocuments.ID), UserDocuments.fromDocument(document));
                }
            });
        }
        return new Page(total, ids.stream().filter(found::containsKey).map(found::get).toList());
    }

    /** The group id of a filter {@code groups.value eq "<id>"} (or {@code groups eq}), else null. */
    private static String teamFilter(Filter filter) {
        if (filter instanceof Filter.Compare compare && compare.operator() == Filter.Operator.EQ
                && compare.value().isString() && (compare.attribute().equalsIgnoreCase("groups.value")
                        || compare.attribute().equalsIgnoreCase("groups"))) {
            return compare.value().stringValue();
        }
        return null;
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

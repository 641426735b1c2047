package dev.scimflow.ingest.groups;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import dev.scimflow.contract.TeamState;
import dev.scimflow.contract.store.MembershipDocuments;
import dev.scimflow.contract.store.TeamDocuments;
import dev.scimflow.ingest.scim.ListQuery;
import dev.scimflow.ingest.scim.MongoFilters;

/** Reads live teams of one workspace and their memberships, which team-sync maintains. */
@Component
class GroupReads {

    /** Memberships fetched per round trip while streaming a member list. */
    static final int MEMBER_BATCH = 1000;

    private final MongoOperations mongo;

    GroupReads(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Looked up by id alone, then checked against the workspace. */
    TeamState find(String workspaceId, String id) {
        Document document = teams().find(Filters.eq(TeamDocuments.ID, id)).first();
        if (document == null || !workspaceId.equals(document.getString(TeamDocuments.WORKSPACE_ID))
                || document.getBoolean(TeamDocuments.DELETED, false)) {
            return null;
        }
        return TeamDocuments.fromDocument(document);
    }

    Page list(String workspaceId, ListQuery query) {
        Bson filter = Filters.and(Filters.eq(TeamDocuments.WORKSPACE_ID, workspaceId),
                Filters.ne(TeamDocuments.DELETED, true));
        if (query.filter() != null) {
            filter = Filters.and(filter, MongoFilters.toQuery(query.filter(), GroupFields.INSTANCE));
        }
        long total = teams().countDocuments(filter);
        List<TeamState> teams = new ArrayList<>();
        if (query.count() > 0 && query.startIndex() - 1 < total) {
            teams().find(filter).sort(query.sort()).skip(query.startIndex() - 1).limit(query.count())
                    .forEach(document -> teams.add(TeamDocuments.fromDocument(document)));
        }
        return new Page(total, teams);
    }

    /** A team's memberships in a stable order, fetched in batches as they are written out. */
    Iterable<Document> members(String teamId) {
        return memberships().find(Filters.eq(MembershipDocuments.TEAM_ID, teamId))
                .sort(Sorts.ascending(MembershipDocuments.TEAM_ID, MembershipDocuments.USER_ID))
                .batchSize(MEMBER_BATCH);
    }

    record Page(long total, List<TeamState> teams) {
    }

    private MongoCollection<Document> teams() {
        return mongo.getCollection(TeamDocuments.COLLECTION);
    }

    private MongoCollection<Document> memberships() {
        return mongo.getCollection(MembershipDocuments.COLLECTION);
    }
}

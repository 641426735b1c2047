package dev.scimflow.ingest.users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import dev.scimflow.contract.store.MembershipDocuments;
import dev.scimflow.contract.store.TeamDocuments;
import dev.scimflow.ingest.scim.ScimJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The read-only {@code groups} of users: the teams they are members of, from team-sync's memberships. */
@Component
class UserGroups {

    private final MongoOperations mongo;

    UserGroups(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Each user's groups as SCIM values ({@code value}, {@code display}, {@code $ref}, {@code type}). */
    Map<String, ArrayNode> of(String workspaceId, List<String> userIds, String baseUrl) {
        Map<String, ArrayNode> groups = new HashMap<>();
        userIds.forEach(id -> groups.put(id, JsonNodeFactory.instance.arrayNode()));
        if (userIds.isEmpty()) {
            return groups;
        }
        Map<String, List<String>> teamsByUser = new HashMap<>();
        mongo.getCollection(MembershipDocuments.COLLECTION).find(Filters.and(
                Filters.eq(MembershipDocuments.WORKSPACE_ID, workspaceId),
                Filters.in(MembershipDocuments.USER_ID, userIds)))
                .projection(Projections.include(MembershipDocuments.USER_ID, MembershipDocuments.TEAM_ID))
                .forEach(membership -> teamsByUser.computeIfAbsent(membership.getString(MembershipDocuments.USER_ID),
                        user -> new ArrayList<>()).add(membership.getString(MembershipDocuments.TEAM_ID)));
        Map<String, String> names = names(teamsByUser.values().stream().flatMap(List::stream).distinct().toList());
        teamsByUser.forEach((user, teams) -> teams.stream().filter(names::containsKey).sorted()
                .forEach(team -> groups.get(user).add(ScimJson.object().put("value", team)
                        .put("display", names.get(team)).put("$ref", baseUrl + "/Groups/" + team)
                        .put("type", "direct"))));
        return groups;
    }

    private Map<String, String> names(List<String> teamIds) {
        Map<String, String> names = new HashMap<>();
        if (!teamIds.isEmpty()) {
            mongo.getCollection(TeamDocuments.COLLECTION).find(Filters.in(TeamDocuments.ID, teamIds))
                    .projection(Projections.include(TeamDocuments.DISPLAY_NAME, TeamDocuments.DELETED))
                    .forEach(team -> {
                        if (!team.getBoolean(TeamDocuments.DELETED, false)) {
                            names.put(team.getString(TeamDocuments.ID), team.getString(TeamDocuments.DISPLAY_NAME));
                        }
                    });
        }
        return names;
    }
}

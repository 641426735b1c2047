package dev.scimflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.scimflow.contract.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Group push through the whole pipeline (ingest-api, Kafka, team-sync, MongoDB) with Okta's and Entra's request
 * shapes: the answers, the users' {@code groups}, the teams and memberships collections, and the team events.
 */
@ExtendWith(SharedPipeline.class)
class GroupPushTest {

    private static SharedPipeline shared;
    private static MongoClient mongoClient;
    private static MongoDatabase database;
    private static Scim scim;

    @BeforeAll
    static void connect() {
        shared = SharedPipeline.current();
        mongoClient = MongoClients.create(shared.infrastructure.mongoUri());
        database = mongoClient.getDatabase("scimflow");
        scim = Scim.bearer(shared.pipeline.ingestPorts().get(0), shared.token);
    }

    @AfterAll
    static void disconnect() {
        mongoClient.close();
    }

    @Test
    void oktasGroupPushSequence() {
        String u1 = user();
        String u2 = user();
        String u3 = user();
        String name = "Tour Guides " + UUID.randomUUID();

        Scim.Response created = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[]}
                """.formatted(name));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.header("Location")).endsWith("/Groups/" + id);
        assertThat(created.body().get("members")).isEmpty();

        Scim.Response renamed = scim.patch("/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"id":"%s","displayName":"%s (renamed)"}}]}
                """.formatted(id, name));
        assertThat(renamed.status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + id).body().get("displayName").asString()).isEqualTo(name + " (renamed)");

        assertThat(scim.patch("/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"add","path":"members","value":[{"value":"%s","display":"one@example.com"},
                   {"value":"%s","display":"two@example.com"}]}]}
                """.formatted(u1, u2)).status()).isEqualTo(204);
        assertThat(members(id)).containsExactlyInAnyOrder(u1, u2);
        JsonNode groups = scim.get("/Users/" + u1).body().get("groups");
        assertThat(groups.findValuesAsString("value")).containsExactly(id);
        assertThat(groups.get(0).get("display").asString()).isEqualTo(name + " (renamed)");

        assertThat(scim.patch("/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"}]}
                """.formatted(u1)).status()).isEqualTo(204);
        assertThat(members(id)).containsExactly(u2);
        assertThat(scim.get("/Users/" + u1).body().get("groups")).isEmpty();

        assertThat(scim.patch("/Groups/" + id, """
                {"Operations":[{"op":"replace","path":"members","value":[{"value":"%s"}]}]}
                """.formatted(u3)).status()).isEqualTo(204);
        assertThat(members(id)).containsExactly(u3);

        Scim.Response put = scim.put("/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"%s","displayName":"%s",
                 "members":[{"value":"%s"},{"value":"%s"}]}
                """.formatted(id, name, u1, u2));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().get("members").findValuesAsString("value")).containsExactlyInAnyOrder(u1, u2);
        assertThat(memberships(id)).containsExactlyInAnyOrder(u1, u2);

        Scim.Response found = scim.filter("Groups", "displayName eq \"" + name.toUpperCase() + "\"");
        assertThat(found.body().get("Resources").findValuesAsString("id")).containsExactly(id);

        assertThat(scim.delete("/Groups/" + id).status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + id).status()).isEqualTo(404);
        assertThat(memberships(id)).isEmpty();
        assertThat(scim.get("/Users/" + u2).body().get("groups")).isEmpty();

        assertThat(teamEvents(id)).containsExactly("team.created", "team.renamed", "team.member.added",
                "team.member.added", "team.member.removed", "team.member.added", "team.member.removed",
                "team.renamed", "team.member.added", "team.member.added", "team.member.removed", "team.deleted");
    }

    @Test
    void entrasAddAndRemoveWithValueArraysChangeExactlyTheNamedMembers() {
        String u1 = user();
        String u2 = user();
        String u3 = user();
        String id = group(List.of());

        assertThat(scim.patch("/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"},
                   {"$ref":null,"value":"%s"},{"$ref":null,"value":"%s"}]}]}
                """.formatted(u1, u2, u3)).status()).isEqualTo(204);
        assertThat(scim.patch("/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Remove","path":"members","value":[{"value":"%s"}]}]}
                """.formatted(u2)).status()).isEqualTo(204);

        assertThat(members(id)).containsExactlyInAnyOrder(u1, u3);
        JsonNode withoutMembers = scim.get("/Groups/" + id + "?excludedAttributes=members").body();
        assertThat(withoutMembers.has("members")).isFalse();
        assertThat(withoutMembers.get("displayName").isString()).isTrue();
        String name = withoutMembers.get("displayName").asString();
        JsonNode listed = scim.get("/Groups?excludedAttributes=members&filter=displayName%20eq%20%22"
                + name.replace(" ", "%20") + "%22").body();
        assertThat(listed.get("totalResults").asInt()).isEqualTo(1);
        assertThat(listed.get("Resources").get(0).has("members")).isFalse();
    }

    @Test
    void oktasPathlessMemberReplaceReplacesTheWholeList() {
        String u1 = user();
        String u2 = user();
        String id = group(List.of(u1));

        assertThat(scim.patch("/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"id":"%s","members":[{"value":"%s","display":"b"}]}}]}
                """.formatted(id, u2)).status()).isEqualTo(204);

        assertThat(members(id)).containsExactly(u2);
        assertThat(teamEvents(id)).containsExactly("team.created", "team.member.added", "team.member.added",
                "team.member.removed");
    }

    @Test
    void addingAPresentMemberOrRemovingAnAbsentOneIsANoOp() {
        String u1 = user();
        String id = group(List.of(u1));
        long version = version(id);

        String add = "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + u1 + "\"}]}]}";
        assertThat(scim.patch("/Groups/" + id, add).status()).isEqualTo(204);
        assertThat(scim.patch("/Groups/" + id, "{\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\""
                + UUID.randomUUID() + "\\\"]\"}]}").status()).isEqualTo(204);

        assertThat(members(id)).containsExactly(u1);
        assertThat(version(id)).isEqualTo(version);
        assertThat(teamEvents(id)).containsExactly("team.created", "team.member.added");
    }

    @Test
    void membersMustBeUsersOfTheSameWorkspaceAndNothingIsAppliedOtherwise() {
        String u1 = user();
        String id = group(List.of(u1));
        long version = version(id);
        String admin = shared.adminKey;
        Scim adminApi = Scim.admin(shared.pipeline.ingestPorts().get(0), admin);
        String other = adminApi.postJson("/workspaces", "{\"name\":\"Other\"}").body().get("id").asString();
        String otherToken = adminApi.post("/workspaces/" + other + "/scim-token", "").body().get("token").asString();
        String stranger = Scim.bearer(shared.pipeline.ingestPorts().get(0), otherToken)
                .post("/Users", OktaRequests.createUser("stranger." + UUID.randomUUID() + "@example.com")).body()
                .get("id").asString();
        String unknown = UUID.randomUUID().toString();

        Scim.Response refused = scim.patch("/Groups/" + id, """
                {"Operations":[{"op":"add","path":"members","value":[{"value":"%s"},{"value":"%s"}]},
                  {"op":"replace","value":{"displayName":"renamed %s"}}]}
                """.formatted(stranger, unknown, id));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("scimType").asString()).isEqualTo("invalidValue");
        assertThat(refused.body().get("detail").asString()).contains(stranger).contains(unknown);
        assertThat(scim.post("/Groups", "{\"displayName\":\"x" + UUID.randomUUID() + "\",\"members\":[{\"value\":\""
                + stranger + "\"}]}").status()).isEqualTo(400);

        assertThat(members(id)).containsExactly(u1);
        assertThat(version(id)).isEqualTo(version);
        assertThat(Scim.bearer(shared.pipeline.ingestPorts().get(0), otherToken).get("/Groups/" + id).status())
                .isEqualTo(404);
    }

    @Test
    void deletingAUserRemovesItFromEveryTeam() {
        String u1 = user();
        String u2 = user();
        String first = group(List.of(u1, u2));
        String second = group(List.of(u1));
        long before = version(second);

        assertThat(scim.delete("/Users/" + u1).status()).isEqualTo(204);
        assertThat(scim.get("/Users?filter=groups.value%20eq%20%22" + first + "%22").body().get("Resources")
                .findValuesAsString("id")).doesNotContain(u1);

        await().atMost(Duration.ofSeconds(30)).until(() -> memberships(first).size() == 1
                && memberships(second).isEmpty());
        assertThat(members(first)).containsExactly(u2);
        assertThat(version(second)).isEqualTo(before + 1);
        assertThat(teamEvents(second)).containsExactly("team.created", "team.member.added", "team.member.removed");
        Scim.Response again = scim.patch("/Groups/" + second, "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\","
                + "\"value\":[{\"value\":\"" + u1 + "\"}]}]}");
        assertThat(again.status()).isEqualTo(400);
    }

    @Test
    void displayNamesAreUniquePerWorkspaceAndHugeTeamsArePagedThroughUsers() {
        List<String> users = List.of(user(), user(), user());
        String id = group(users);
        String name = scim.get("/Groups/" + id).body().get("displayName").asString();

        Scim.Response duplicate = scim.post("/Groups", "{\"displayName\":\"" + name.toLowerCase() + "\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("scimType").asString()).isEqualTo("uniqueness");

        JsonNode first = scim.get("/Users?filter=groups.value%20eq%20%22" + id + "%22&startIndex=1&count=2").body();
        JsonNode second = scim.get("/Users?filter=groups.value%20eq%20%22" + id + "%22&startIndex=3&count=2").body();
        assertThat(first.get("totalResults").asInt()).isEqualTo(3);
        List<String> paged = new ArrayList<>(first.get("Resources").findValuesAsString("id"));
        paged.addAll(second.get("Resources").findValuesAsString("id"));
        assertThat(paged).containsExactlyInAnyOrderElementsOf(users);
    }

    private static String user() {
        return scim.post("/Users", OktaRequests.createUser("member." + UUID.randomUUID() + "@example.com")).body()
                .get("id").asString();
    }

    private static String group(List<String> members) {
        StringBuilder list = new StringBuilder();
        for (String member : members) {
            list.append(list.isEmpty() ? "" : ",").append("{\"value\":\"").append(member).append("\"}");
        }
        Scim.Response created = scim.post("/Groups", "{\"displayName\":\"Team " + UUID.randomUUID()
                + "\",\"members\":[" + list + "]}");
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static List<String> members(String groupId) {
        return scim.get("/Groups/" + groupId).body().get("members").findValuesAsString("value");
    }

    private static long version(String groupId) {
        String etag = scim.get("/Groups/" + groupId).header("ETag");
        return Long.parseLong(etag.replaceAll("\\D", ""));
    }

    private static List<String> memberships(String groupId) {
        return database.getCollection("memberships").find(Filters.eq("teamId", groupId))
                .map(document -> document.getString("userId")).into(new ArrayList<>());
    }

    private static List<String> teamEvents(String groupId) {
        return TopicReader.readAll(shared.infrastructure.bootstrapServers(), Topics.TEAM_EVENTS,
                record -> record.key().endsWith("/" + groupId)).stream()
                .map(record -> Scim.JSON.readTree(new String(record.value(), StandardCharsets.UTF_8)))
                .map(event -> event.get("type").asString()).toList();
    }
}

package dev.scimflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import dev.scimflow.contract.UserState;
import dev.scimflow.contract.store.MembershipDocuments;
import dev.scimflow.contract.store.UserDocuments;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adding and removing one member of teams of 10, 10,000 and 100,000 members, through the whole pipeline, with the
 * p50/p99 of each printed: the figures should not grow with the team. Not part of the normal test run:
 * {@code ./mvnw -Pbenchmark verify -pl local-run -am}.
 *
 * <p>The fixture writes the users and the existing memberships straight into MongoDB (creating 100,000 users over
 * SCIM would take most of an hour); the measured changes go through SCIM, Kafka and team-sync.
 */
@Tag("benchmark")
@ExtendWith(SharedPipeline.class)
class MembershipScaleBenchmark {

    private static final int[] SIZES = {10, 10_000, 100_000};
    private static final int ROUNDS = 200;
    private static final int WARM_UP = 50;

    @Test
    void printsSingleMemberChangeLatencyByTeamSize() {
        SharedPipeline shared = SharedPipeline.current();
        // an instance of its own, without the per-workspace rate limit a benchmark would run into
        int port = shared.pipeline.addIngest(0, Map.of("ingest.rate-limit", "1000000"));
        Scim admin = Scim.admin(port, shared.adminKey);
        String workspace = admin.postJson("/workspaces", "{\"name\":\"Scale\"}").body().get("id").asString();
        Scim scim = Scim.bearer(port, admin.post("/workspaces/" + workspace + "/scim-token", "").body()
                .get("token").asString());

        try (MongoClient client = MongoClients.create(shared.infrastructure.mongoUri())) {
            MongoDatabase database = client.getDatabase("scimflow");
            List<String> users = seedUsers(database, workspace, SIZES[SIZES.length - 1] + WARM_UP + ROUNDS);
            List<String> spare = users.subList(SIZES[SIZES.length - 1], users.size());
            // a first round on a small team warms the whole path up, so that no size pays for the JIT
            String warmUp = scim.post("/Groups", "{\"displayName\":\"Warm-up\",\"members\":[]}").body().get("id")
                    .asString();
            measure(scim, warmUp, 0, spare, false);
            for (int size : SIZES) {
                String team = scim.post("/Groups", "{\"displayName\":\"Scale " + size + "\",\"members\":[]}").body()
                        .get("id").asString();
                seedMembers(database, workspace, team, users.subList(0, size));
                measure(scim, team, size, spare, true);
            }
        }
    }

    private static void measure(Scim scim, String team, int size, List<String> spare, boolean print) {
        List<Long> adds = new ArrayList<>();
        List<Long> removes = new ArrayList<>();
        for (int i = 0; i < WARM_UP + ROUNDS; i++) {
            String user = spare.get(i);
            long start = System.nanoTime();
            Scim.Response added = scim.patch("/Groups/" + team, "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\","
                    + "\"value\":[{\"value\":\"" + user + "\"}]}]}");
            long middle = System.nanoTime();
            Scim.Response removed = scim.patch("/Groups/" + team, "{\"Operations\":[{\"op\":\"remove\","
                    + "\"path\":\"members[value eq \\\"" + user + "\\\"]\"}]}");
            long end = System.nanoTime();
            assertThat(added.status()).isEqualTo(204);
            assertThat(removed.status()).isEqualTo(204);
            if (i >= WARM_UP) {
                adds.add(middle - start);
                removes.add(end - middle);
            }
        }
        if (!print) {
            return;
        }
        long start = System.nanoTime();
        Scim.Response whole = scim.get("/Groups/" + team);
        long read = System.nanoTime() - start;
        assertThat(whole.body().get("members")).hasSize(size);
        System.out.printf("team of %,7d members: add one p50=%.1f ms p99=%.1f ms | remove one p50=%.1f ms"
                + " p99=%.1f ms (n=%d each) | GET with all members %.0f ms, %,d bytes%n", size,
                percentile(adds, 0.50), percentile(adds, 0.99), percentile(removes, 0.50), percentile(removes, 0.99),
                ROUNDS, read / 1e6, whole.raw().body().length());
    }

    private static List<String> seedUsers(MongoDatabase database, String workspace, int count) {
        List<String> ids = new ArrayList<>(count);
        List<Document> batch = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            String userName = "scale" + i + "." + id.substring(0, 8) + "@example.com";
            ObjectNode attributes = Scim.JSON.createObjectNode().put("userName", userName).put("active", true);
            batch.add(UserDocuments.toDocument(new UserState(id, workspace, userName, true, attributes, now, now, 1)));
            ids.add(id);
            if (batch.size() == 5000) {
                database.getCollection(UserDocuments.COLLECTION).insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            database.getCollection(UserDocuments.COLLECTION).insertMany(batch);
        }
        return ids;
    }

    private static void seedMembers(MongoDatabase database, String workspace, String team, List<String> users) {
        List<Document> batch = new ArrayList<>();
        for (String user : users) {
            batch.add(new Document(MembershipDocuments.ID, MembershipDocuments.id(workspace, team, user))
                    .append(MembershipDocuments.WORKSPACE_ID, workspace).append(MembershipDocuments.TEAM_ID, team)
                    .append(MembershipDocuments.USER_ID, user).append(MembershipDocuments.ADDED, new Date()));
            if (batch.size() == 5000) {
                database.getCollection(MembershipDocuments.COLLECTION).insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            database.getCollection(MembershipDocuments.COLLECTION).insertMany(batch);
        }
    }

    private static double percentile(List<Long> nanos, double quantile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}

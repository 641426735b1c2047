package dev.scimflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import dev.scimflow.contract.Topics;
import tools.jackson.databind.JsonNode;

/**
 * The Okta user lifecycle driven over HTTP through the real pipeline: ingest-api, the embedded Kafka broker, the
 * provisioner and the MongoDB wire server, checking the answers, the stored documents and the public events.
 */
@ExtendWith(SharedPipeline.class)
class UserProvisioningTest {

    private static SharedPipeline shared;
    private static MongoClient mongoClient;
    private static MongoCollection<Document> users;

    @BeforeAll
    static void connect() {
        shared = SharedPipeline.current();
        mongoClient = MongoClients.create(shared.infrastructure.mongoUri());
        users = mongoClient.getDatabase("scimflow").getCollection("users");
    }

    @AfterAll
    static void disconnect() {
        mongoClient.close();
    }

    @Test
    void oktaLifecycleOnOneInstanceIsAppliedThroughKafkaAndAnsweredWithTheOutcome() {
        int port = shared.pipeline.ingestPorts().get(0);
        lifecycle(Scim.bearer(port, shared.token), Scim.bearer(port, shared.token));
    }

    @Test
    void writesOnOneIngestInstanceAreReadOnTheOtherRightAway() {
        List<Integer> ports = shared.pipeline.ingestPorts();
        // Okta's header mode on the reader: the bare token, no "Bearer"
        lifecycle(Scim.bearer(ports.get(0), shared.token), new Scim(ports.get(1), shared.token));
    }

    private void lifecycle(Scim writer, Scim reader) {
        String userName = "Jane." + UUID.randomUUID() + "@Example.com";

        Scim.Response lookup = reader.filter("Users", "userName eq \"" + userName + "\"");
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.body().get("totalResults").asInt()).isZero();
        assertThat(lookup.body().get("Resources")).isEmpty();

        Scim.Response created = writer.post("/Users", OktaRequests.createUser(userName));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/scim+json");
        String id = created.body().get("id").asString();
        assertThat(created.header("Location")).endsWith("/scim/v2/Users/" + id);
        assertThat(created.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(created.body().get("userName").asString()).isEqualTo(userName);
        assertThat(created.body().has("password")).isFalse();
        assertThat(created.body().get("meta").get("resourceType").asString()).isEqualTo("User");
        assertThat(created.body().get("meta").get("version").asString()).isEqualTo("W/\"1\"");

        Scim.Response read = reader.get("/Users/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("userName").asString()).isEqualTo(userName);
        assertThat(read.body().get("meta").get("created")).isEqualTo(created.body().get("meta").get("created"));

        Scim.Response duplicate = writer.post("/Users", OktaRequests.createUser(userName.toLowerCase()));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("scimType").asString()).isEqualTo("uniqueness");
        assertThat(duplicate.body().get("status").asString()).isEqualTo("409");

        Scim.Response upperCased = reader.filter("Users", "userName eq \"" + userName.toUpperCase() + "\"");
        assertThat(upperCased.body().get("totalResults").asInt()).isEqualTo(1);
        assertThat(upperCased.body().get("Resources").get(0).get("id").asString()).isEqualTo(id);

        JsonNode profile = writer.put("/Users/" + id, OktaRequests.profileUpdate(read.body(), "Janet")).body();
        assertThat(profile.get("name").get("givenName").asString()).isEqualTo("Janet");
        assertThat(reader.get("/Users/" + id).body().get("name").get("givenName").asString()).isEqualTo("Janet");

        Scim.Response deactivated = writer.patch("/Users/" + id, OktaRequests.SET_INACTIVE);
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.body().get("active").asBoolean()).isFalse();
        Scim.Response stillFound = reader.filter("Users", "userName eq \"" + userName + "\"");
        assertThat(stillFound.body().get("Resources").get(0).get("active").asBoolean()).isFalse();

        Scim.Response reactivated = writer.patch("/Users/" + id, EntraRequests.setActive("True"));
        assertThat(reactivated.status()).isEqualTo(200);
        assertThat(reader.get("/Users/" + id).body().get("active").asBoolean()).isTrue();

        Scim.Response unknown = reader.get("/Users/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("schemas").get(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(unknown.body().get("status").asString()).isEqualTo("404");
        assertThat(reader.get("/Users/not-a-uuid%20at-all").status()).isEqualTo(404);

        Document stored = users.find(Filters.eq("_id", id)).first();
        assertThat(stored.getString("workspaceId")).isEqualTo("default");
        assertThat(stored.getString("userName")).isEqualTo(userName);
        assertThat(stored.getString("userNameKey")).isEqualTo(userName.toLowerCase());
        assertThat(stored.getBoolean("active")).isTrue();
        assertThat(stored.get("version", Number.class).longValue()).isEqualTo(4);
        assertThat(stored.toJson()).doesNotContain("placeholder-password");

        assertThat(userEventTypes(id)).containsExactly("user.provisioned", "user.updated", "user.deactivated",
                "user.reactivated");
    }

    @Test
    void changingUserNameOrPrimaryEmailIsRefusedAndChangesNothing() {
        Scim scim = Scim.bearer(shared.pipeline.ingestPorts().get(0), shared.token);
        String userName = "fixed." + UUID.randomUUID() + "@example.com";
        JsonNode user = scim.post("/Users", OktaRequests.createUser(userName)).body();
        String id = user.get("id").asString();

        Scim.Response renamed = scim.put("/Users/" + id, OktaRequests.createUser("other." + userName));
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(renamed.body().get("scimType").asString()).isEqualTo("mutability");
        assertThat(renamed.body().get("detail").asString()).contains("contact support");

        Scim.Response newEmail = scim.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"emails","value":[{"value":"new@example.com","primary":true}]}]}
                """);
        assertThat(newEmail.status()).isEqualTo(400);
        assertThat(newEmail.body().get("scimType").asString()).isEqualTo("mutability");

        Scim.Response sameAgain = scim.put("/Users/" + id, OktaRequests.createUser(userName));
        assertThat(sameAgain.status()).isEqualTo(200);
        Scim.Response otherCase = scim.put("/Users/" + id, OktaRequests.createUser(userName.toUpperCase(), userName));
        assertThat(otherCase.status()).isEqualTo(200);
        assertThat(otherCase.body().get("userName").asString()).isEqualTo(userName);
        assertThat(scim.get("/Users/" + id).body().get("meta").get("version").asString()).isEqualTo("W/\"1\"");
        assertThat(userEventTypes(id)).containsExactly("user.provisioned");
    }

    @Test
    void badInputGetsAScimErrorAndStoresNothing() {
        Scim scim = Scim.bearer(shared.pipeline.ingestPorts().get(0), shared.token);

        Scim.Response notAnEmail = scim.post("/Users", "{\"userName\":\"not-an-email\"}");
        assertThat(notAnEmail.status()).isEqualTo(400);
        assertThat(notAnEmail.body().get("scimType").asString()).isEqualTo("invalidValue");
        assertThat(scim.filter("Users", "userName eq \"not-an-email\"").body().get("totalResults").asInt())
                .isZero();

        Scim.Response malformed = scim.post("/Users", "{\"userName\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("scimType").asString()).isEqualTo("invalidSyntax");

        Scim.Response badFilter = scim.get("/Users?filter=userName%20eq");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.body().get("scimType").asString()).isEqualTo("invalidFilter");

        Scim.Response noToken = new Scim(shared.pipeline.ingestPorts().get(0), null).get("/Users");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(Scim.bearer(shared.pipeline.ingestPorts().get(0), "scim_wrong").get("/Users").status())
                .isEqualTo(401);
    }

    @Test
    void listsPageInAStableOrderWithIntegerCounts() {
        Scim scim = Scim.bearer(shared.pipeline.ingestPorts().get(0), shared.token);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            assertThat(scim.post("/Users", OktaRequests.createUser("page" + i + "." + tag + "@example.com")).status())
                    .isEqualTo(201);
        }
        Scim.Response first = scim.get("/Users?startIndex=1&count=2");
        Scim.Response second = scim.get("/Users?startIndex=3&count=2");
        assertThat(first.body().get("totalResults").isInt() || first.body().get("totalResults").isLong()).isTrue();
        assertThat(first.body().get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(second.body().get("startIndex").asInt()).isEqualTo(3);
        assertThat(first.body().get("totalResults").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(first.body().get("Resources").get(1).get("id"))
                .isNotEqualTo(second.body().get("Resources").get(0).get("id"));
        assertThat(scim.get("/Users?startIndex=1&count=2").body().get("Resources"))
                .isEqualTo(first.body().get("Resources"));
    }

    private List<String> userEventTypes(String userId) {
        List<ConsumerRecord<String, byte[]>> events = TopicReader.readAll(shared.infrastructure.bootstrapServers(),
                Topics.USER_EVENTS, record -> record.key().endsWith("/" + userId));
        return events.stream()
                .map(record -> Scim.JSON.readTree(new String(record.value(), StandardCharsets.UTF_8)))
                .peek(event -> assertThat(event.get("user").get("id").asString()).isEqualTo(userId))
                .map(event -> event.get("type").asString()).toList();
    }
}

package dev.scimflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.scimflow.contract.ChangeEvent;
import dev.scimflow.contract.ChangeType;
import dev.scimflow.contract.EventSerializer;
import dev.scimflow.contract.Headers;
import dev.scimflow.contract.Records;
import dev.scimflow.contract.Topics;
import dev.scimflow.contract.UserEvent;
import dev.scimflow.contract.UserEventType;
import tools.jackson.databind.JsonNode;

/** An operator lists dead letters and replays them through the admin API. */
@ExtendWith(SharedPipeline.class)
class DeadLetterReplayTest {

    @Test
    void anOperatorListsDeadLettersAndReplaysThemOnce() throws Exception {
        SharedPipeline shared = SharedPipeline.current();
        int port = shared.pipeline.ingestPorts().get(0);
        Scim admin = Scim.admin(port, shared.adminKey);
        String userId = UUID.randomUUID().toString();
        deadLetter(shared, userId);

        JsonNode listed = admin.get("/dead-letters/" + Topics.USER_CHANGES).body().get("entries");
        JsonNode entry = entryFor(listed, userId);
        assertThat(entry).isNotNull();
        assertThat(entry.get("exception").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(entry.get("eventType").asString()).isEqualTo("user.create");
        assertThat(entry.has("value")).isFalse();
        assertThat(admin.get("/dead-letters").body().get("topics").toString()).contains(Topics.GROUP_CHANGES);

        Scim.Response replayed = admin.post("/dead-letters/" + Topics.USER_CHANGES + "/replay", "");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body().get("replayed").asInt()).isPositive();

        Scim scim = Scim.bearer(port, shared.token);
        await().atMost(Duration.ofSeconds(30)).until(() -> scim.get("/Users/" + userId).status() == 200);
        assertThat(entryFor(admin.get("/dead-letters/" + Topics.USER_CHANGES).body().get("entries"), userId))
                .isNull();
        assertThat(admin.get("/dead-letters/unknown.topic").status()).isEqualTo(404);
        assertThat(Scim.admin(port, shared.token).post("/dead-letters/" + Topics.USER_CHANGES + "/replay", "")
                .status()).isEqualTo(401);
    }

    @Test
    void deadLetteredUserEventsAreReplayedToTeamSyncAloneNeverToThePublicTopic() throws Exception {
        SharedPipeline shared = SharedPipeline.current();
        int port = shared.pipeline.ingestPorts().get(0);
        Scim scim = Scim.bearer(port, shared.token);
        String userId = scim.post("/Users", OktaRequests.createUser("leaver." + UUID.randomUUID() + "@example.com"))
                .body().get("id").asString();
        String team = scim.post("/Groups", "{\"displayName\":\"Replay " + UUID.randomUUID() + "\",\"members\":[{"
                + "\"value\":\"" + userId + "\"}]}").body().get("id").asString();
        String eventId = UUID.randomUUID().toString();
        UserEvent deleted = new UserEvent(UserEventType.DELETED, UserEvent.SCHEMA_VERSION, eventId, "cause",
                "default", userId, Instant.now(), null, null);
        ProducerRecord<Object, Object> record = Records.record(Topics.deadLetter(Topics.USER_EVENTS), "default",
                userId, deleted.type().wire(), eventId, null, deleted);
        try (KafkaProducer<Object, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, shared.infrastructure.bootstrapServers()),
                new ChangeDeliveryTest.ObjectKeySerializer(), new EventSerializer())) {
            producer.send(record).get();
        }

        Scim admin = Scim.admin(port, shared.adminKey);
        assertThat(admin.post("/dead-letters/" + Topics.USER_EVENTS + "/replay", "").body().get("replayed").asInt())
                .isPositive();

        await().atMost(Duration.ofSeconds(30)).until(() -> scim.get("/Groups/" + team).body().get("members")
                .isEmpty());
        assertThat(TopicReader.readAll(shared.infrastructure.bootstrapServers(), Topics.USER_EVENTS,
                r -> eventId.equals(Headers.text(r.headers().lastHeader(Headers.EVENT_ID))))).isEmpty();
    }

    /** A change that failed in the past: written to the dead-letter topic as the recoverer would. */
    private static void deadLetter(SharedPipeline shared, String userId) throws Exception {
        ChangeEvent event = new ChangeEvent(ChangeType.USER_CREATE, ChangeEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(), "default", userId, Instant.now(), "replay", "test", null,
                Scim.JSON.readTree("{\"userName\":\"replayed." + userId + "@example.com\",\"active\":true}"));
        ProducerRecord<Object, Object> record = Records.record(Topics.deadLetter(Topics.USER_CHANGES), "default",
                userId, event.type().wire(), event.eventId(), null, event);
        record.headers().add("kafka_dlt-exception-fqcn",
                "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<Object, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, shared.infrastructure.bootstrapServers()),
                new ChangeDeliveryTest.ObjectKeySerializer(), new EventSerializer())) {
            producer.send(record).get();
        }
    }

    private static JsonNode entryFor(JsonNode entries, String userId) {
        for (JsonNode entry : entries) {
            if (entry.get("key").asString().endsWith(userId)) {
                return entry;
            }
        }
        return null;
    }
}

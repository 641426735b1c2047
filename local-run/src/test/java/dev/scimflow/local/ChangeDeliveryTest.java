package dev.scimflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import dev.scimflow.contract.ChangeEvent;
import dev.scimflow.contract.ChangeType;
import dev.scimflow.contract.EventSerializer;
import dev.scimflow.contract.Headers;
import dev.scimflow.contract.Records;
import dev.scimflow.contract.Topics;
import tools.jackson.databind.JsonNode;

/** Delivery guarantees of the change path: duplicates, late outcomes and records that can never be applied. */
@ExtendWith(SharedPipeline.class)
class ChangeDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SharedPipeline shared;
    private static MongoClient mongoClient;
    private static MongoCollection<Document> users;
    private static KafkaProducer<Object, Object> producer;

    @BeforeAll
    static void connect() {
        shared = SharedPipeline.current();
        mongoClient = MongoClients.create(shared.infrastructure.mongoUri());
        users = mongoClient.getDatabase("scimflow").getCollection("users");
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                shared.infrastructure.bootstrapServers()), new ObjectKeySerializer(), new EventSerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        mongoClient.close();
    }

    @Test
    void aChangePublishedTwiceHasOneEffectAndOneUserEvent() throws Exception {
        String userId = UUID.randomUUID().toString();
        ChangeEvent create = event(ChangeType.USER_CREATE, userId,
                "{\"userName\":\"twice." + userId + "@example.com\",\"active\":true}");
        ChangeEvent deactivate = event(ChangeType.USER_PATCH, userId,
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");

        for (ChangeEvent event : List.of(create, create, deactivate, deactivate)) {
            producer.send(Records.record(Topics.USER_CHANGES, event.workspaceId(), userId, event.type().wire(),
                    event.eventId(), null, event)).get();
        }

        await().atMost(WAIT).until(() -> outcomeStatuses(userId).size() == 4);
        assertThat(outcomeStatuses(userId)).containsExactly(201, 200, 200, 200);
        Document stored = users.find(Filters.eq("_id", userId)).first();
        assertThat(stored.get("version", Number.class).longValue()).isEqualTo(2);
        assertThat(stored.getBoolean("active")).isFalse();
        assertThat(userEventTypes(userId)).containsExactly("user.provisioned", "user.deactivated");
    }

    @Test
    void aWriteWhoseOutcomeIsLateGets503AndIsAppliedOnceLater() {
        int port = shared.pipeline.addIngest(0, Map.of("ingest.write-timeout", "1s", "ingest.retry-after", "3s"));
        Scim scim = Scim.bearer(port, shared.token);
        String userName = "late." + UUID.randomUUID() + "@example.com";
        MessageListenerContainer changes = shared.pipeline.provisioner()
                .getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("user-changes");

        changes.stop();
        try {
            Scim.Response late = scim.post("/Users", OktaRequests.createUser(userName));
            assertThat(late.status()).isEqualTo(503);
            assertThat(late.header("Retry-After")).isEqualTo("3");
            assertThat(late.body().get("status").asString()).isEqualTo("503");
        }
        finally {
            changes.start();
        }

        await().atMost(WAIT).until(() -> scim.filter("Users", "userName eq \"" + userName + "\"").body()
                .get("totalResults").asInt() == 1);
        Scim.Response retried = scim.post("/Users", OktaRequests.createUser(userName));
        assertThat(retried.status()).isEqualTo(409);
        assertThat(users.countDocuments(Filters.eq("userNameKey", userName.toLowerCase()))).isEqualTo(1);
    }

    @Test
    void recordsThatCanNeverBeAppliedGoToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        String garbageKey = "default/" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, shared.infrastructure.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.USER_CHANGES, garbageKey,
                    "{not json".getBytes(StandardCharsets.UTF_8))).get();
        }
        String futureId = UUID.randomUUID().toString();
        ChangeEvent future = new ChangeEvent(ChangeType.USER_CREATE, 99, UUID.randomUUID().toString(), "default",
                futureId, Instant.now(), null, null, null, Scim.JSON.readTree("{}"));
        producer.send(Records.record(Topics.USER_CHANGES, "default", futureId, "user.create", future.eventId(), null,
                future)).get();

        await().atMost(WAIT).until(() -> deadLetters(garbageKey).size() == 1 && deadLetters(futureId).size() == 1);
        assertThat(Headers.text(deadLetters(garbageKey).get(0).headers().lastHeader("kafka_dlt-exception-fqcn")))
                .contains("DeserializationException");
        assertThat(Headers.text(deadLetters(futureId).get(0).headers().lastHeader("kafka_dlt-exception-message")))
                .contains("unsupported change schema version 99");

        Scim scim = Scim.bearer(shared.pipeline.ingestPorts().get(0), shared.token);
        assertThat(scim.post("/Users", OktaRequests.createUser("after." + futureId + "@example.com")).status())
                .isEqualTo(201);
    }

    /** Keys are strings; {@link Records} types them as objects for the services' {@code KafkaTemplate}. */
    static final class ObjectKeySerializer implements org.apache.kafka.common.serialization.Serializer<Object> {
        private final StringSerializer strings = new StringSerializer();

        @Override
        public byte[] serialize(String topic, Object key) {
            return strings.serialize(topic, (String) key);
        }
    }

    private static ChangeEvent event(ChangeType type, String userId, String payload) {
        return new ChangeEvent(type, ChangeEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), "default", userId,
                Instant.now(), "test-trace", "test", null, Scim.JSON.readTree(payload));
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(String keyOrId) {
        return TopicReader.readAll(shared.infrastructure.bootstrapServers(), Topics.deadLetter(Topics.USER_CHANGES),
                record -> record.key() != null && record.key().endsWith(keyOrId));
    }

    private static List<Integer> outcomeStatuses(String userId) {
        return read(Topics.CHANGE_OUTCOMES, userId).stream().map(outcome -> outcome.get("status").asInt()).toList();
    }

    private static List<String> userEventTypes(String userId) {
        return read(Topics.USER_EVENTS, userId).stream().map(event -> event.get("type").asString()).toList();
    }

    private static List<JsonNode> read(String topic, String userId) {
        return TopicReader.readAll(shared.infrastructure.bootstrapServers(), topic,
                record -> record.key().endsWith(userId))
                .stream().map(record -> Scim.JSON.readTree(new String(record.value(), StandardCharsets.UTF_8)))
                .toList();
    }
}

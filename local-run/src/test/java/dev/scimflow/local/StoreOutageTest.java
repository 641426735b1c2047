package dev.scimflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.scimflow.contract.ChangeEvent;
import dev.scimflow.contract.ChangeType;
import dev.scimflow.contract.EventSerializer;
import dev.scimflow.contract.Records;
import dev.scimflow.contract.Topics;
import dev.scimflow.ingest.workspaces.Tokens;

/**
 * MongoDB becomes unreachable (a proxy in front of it is cut): SCIM requests get 503 with Retry-After, never
 * 500; changes waiting in Kafka are not dead-lettered but applied once the store is back. Runs its own broker,
 * store and pipeline, so the outage touches no other test.
 */
class StoreOutageTest {

    private static TestInfrastructure infrastructure;
    private static TcpProxy proxy;
    private static Pipeline pipeline;
    private static Scim scim;

    @BeforeAll
    static void start() throws Exception {
        infrastructure = TestInfrastructure.start();
        proxy = new TcpProxy(TestInfrastructure.mongoPort(infrastructure));
        String token = Tokens.generate();
        String behindProxy = "mongodb://127.0.0.1:" + proxy.port() + "/scimflow?directConnection=true";
        pipeline = Pipeline.start(infrastructure.bootstrapServers(), behindProxy, 0, 1, Map.of(
                "ingest.bootstrap-token", token, "ingest.store-timeout", "1s", "ingest.write-timeout", "3s",
                "consumer.store-timeout", "1s", "consumer.outage-backoff-max", "1s"));
        scim = Scim.bearer(pipeline.ingestPorts().get(0), token);
    }

    @AfterAll
    static void stop() {
        pipeline.close();
        proxy.close();
        infrastructure.close();
    }

    @Test
    void anOutageIsA503AndChangesWaitInKafkaInsteadOfBeingDeadLettered() throws Exception {
        assertThat(scim.post("/Users", OktaRequests.createUser("before." + UUID.randomUUID() + "@example.com"))
                .status()).isEqualTo(201);

        proxy.cut();
        String userId = UUID.randomUUID().toString();
        try {
            Scim.Response read = scim.get("/Users?count=1");
            assertThat(read.status()).isEqualTo(503);
            assertThat(read.header("Retry-After")).isNotNull();
            assertThat(read.body().get("schemas").get(0).asString())
                    .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");

            publishCreate(userId);
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() ->
                    TopicReader.readAll(infrastructure.bootstrapServers(), Topics.deadLetter(Topics.USER_CHANGES),
                            record -> true).isEmpty());
        }
        finally {
            proxy.restore();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> scim.get("/Users/" + userId).status() == 200);
        assertThat(TopicReader.readAll(infrastructure.bootstrapServers(), Topics.deadLetter(Topics.USER_CHANGES),
                record -> true)).isEmpty();
        assertThat(TopicReader.readAll(infrastructure.bootstrapServers(), Topics.USER_EVENTS,
                record -> record.key().endsWith(userId))).hasSize(1);
    }

    private static void publishCreate(String userId) throws Exception {
        ChangeEvent event = new ChangeEvent(ChangeType.USER_CREATE, ChangeEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(), "default", userId, Instant.now(), "outage", "test", null,
                Scim.JSON.readTree("{\"userName\":\"during." + userId + "@example.com\",\"active\":true}"));
        try (KafkaProducer<Object, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers()),
                new ChangeDeliveryTest.ObjectKeySerializer(), new EventSerializer())) {
            producer.send(Records.record(Topics.USER_CHANGES, "default", userId, event.type().wire(),
                    event.eventId(), null, event)).get();
        }
    }
}

package dev.scimflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB the end-to-end tests run against: real ones in containers where a Docker engine
 * exists (Testcontainers: Apache Kafka in KRaft mode, a MongoDB replica set), else the embedded broker and wire
 * server. {@code -Dscimflow.infra=embedded} forces the embedded ones.
 */
interface TestInfrastructure extends AutoCloseable {

    String bootstrapServers();

    /** A MongoDB connection string whose database is {@code scimflow}. */
    String mongoUri();

    @Override
    void close();

    static TestInfrastructure start() {
        boolean embedded = "embedded".equals(System.getProperty("scimflow.infra"));
        return !embedded && DockerClientFactory.instance().isDockerAvailable() ? containers() : embedded();
    }

    static TestInfrastructure embedded() {
        try {
            EmbeddedKafka kafka = EmbeddedKafka.start(Files.createTempDirectory("scimflow-test").resolve("kafka"), 0);
            EmbeddedMongo mongo = EmbeddedMongo.start(null, 0, "scimflow");
            return new TestInfrastructure() {
                @Override
                public String bootstrapServers() {
                    return kafka.bootstrapServers();
                }

                @Override
                public String mongoUri() {
                    return mongo.uri();
                }

                @Override
                public void close() {
                    kafka.close();
                    mongo.close();
                }
            };
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Note that this path needs a Docker engine, which the development machines lack: it is not run there. */
    static TestInfrastructure containers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        kafka.start();
        mongo.start();
        return new TestInfrastructure() {
            @Override
            public String bootstrapServers() {
                return kafka.getBootstrapServers();
            }

            @Override
            public String mongoUri() {
                return mongo.getReplicaSetUrl("scimflow");
            }

            @Override
            public void close() {
                kafka.stop();
                mongo.stop();
            }
        };
    }

    /** The port of the MongoDB server, for tests that put a proxy in front of it. */
    static int mongoPort(TestInfrastructure infrastructure) {
        return URI.create(infrastructure.mongoUri()).getPort();
    }
}

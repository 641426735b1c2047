package dev.scimflow.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.scimflow.ingest.workspaces.Tokens;

/**
 * Runs the whole pipeline on this machine: an embedded KRaft broker and a file-backed MongoDB wire server under
 * the data folder, and the three services. Prints the SCIM base URL and the default workspace's token.
 *
 * <p>Settings (environment): {@code PORT} (8080), {@code SCIMFLOW_DATA} (./data), {@code KAFKA_PORT} (9092),
 * {@code MONGODB_PORT} (27017), {@code SCIM_BOOTSTRAP_TOKEN} (else a token generated on the first run and kept in
 * the data folder, for local use only), {@code ADMIN_API_KEY}.
 */
public final class LocalPipeline {

    private static final Logger log = LoggerFactory.getLogger(LocalPipeline.class);

    private LocalPipeline() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(env("SCIMFLOW_DATA", "data"));
        int port = Integer.parseInt(env("PORT", "8080"));
        String token = token(data);

        EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), Integer.parseInt(env("KAFKA_PORT", "9092")));
        EmbeddedMongo mongo = EmbeddedMongo.start(data.resolve("mongo/scimflow.mv"),
                Integer.parseInt(env("MONGODB_PORT", "27017")), "scimflow");
        Pipeline pipeline = Pipeline.start(kafka.bootstrapServers(), mongo.uri(), port, 1,
                Map.of("ingest.bootstrap-token", token));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping: ingest-api, consumers, Kafka, MongoDB");
            pipeline.close();
            kafka.close();
            mongo.close();
            stopped.countDown();
        }, "local-pipeline-shutdown"));

        String banner = """

                SCIM base URL : http://127.0.0.1:%d/scim/v2
                SCIM token    : %s
                Kafka         : %s
                MongoDB       : %s
                Data folder   : %s
                Stop with Ctrl-C.
                """.formatted(pipeline.ingestPorts().get(0), token, kafka.bootstrapServers(), mongo.uri(),
                data.toAbsolutePath());
        System.out.println(banner);
        stopped.await();
    }

    /** SCIM_BOOTSTRAP_TOKEN, or a token generated once and kept (owner-readable only) in the data folder. */
    private static String token(Path data) throws IOException {
        String given = System.getenv("SCIM_BOOTSTRAP_TOKEN");
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        Path file = data.resolve("scim-token");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        Files.createDirectories(data);
        String token = Tokens.generate();
        Files.writeString(file, token);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return token;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

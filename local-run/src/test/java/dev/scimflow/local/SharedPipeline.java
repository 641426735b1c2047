package dev.scimflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.scimflow.ingest.workspaces.Tokens;

/**
 * One embedded Kafka broker, one MongoDB wire server and one pipeline (provisioner, team-sync, two ingest-api
 * instances) for all end-to-end test classes of this JVM, closed by JUnit when the run ends. Test classes keep
 * apart by using their own userNames.
 */
public final class SharedPipeline implements BeforeAllCallback, AutoCloseable {

    private static SharedPipeline instance;

    final EmbeddedKafka kafka;
    final EmbeddedMongo mongo;
    final Pipeline pipeline;
    final String token;
    final String adminKey;

    private SharedPipeline(EmbeddedKafka kafka, EmbeddedMongo mongo, Pipeline pipeline, String token,
            String adminKey) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.pipeline = pipeline;
        this.token = token;
        this.adminKey = adminKey;
    }

    /** Used only as the extension instance JUnit creates; the pipeline itself is {@link #get}. */
    public SharedPipeline() {
        this(null, null, null, null, null);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        get(context);
    }

    static synchronized SharedPipeline get(ExtensionContext context) {
        if (instance == null) {
            instance = start();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedPipeline.class, instance);
        }
        return instance;
    }

    static SharedPipeline current() {
        return instance;
    }

    private static SharedPipeline start() {
        try {
            Path data = Files.createTempDirectory("scimflow-test");
            EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), 0);
            EmbeddedMongo mongo = EmbeddedMongo.start(null, 0, "scimflow");
            String token = Tokens.generate();
            String adminKey = Tokens.generate();
            Pipeline pipeline = Pipeline.start(kafka.bootstrapServers(), mongo.uri(), 0, 2,
                    Map.of("ingest.bootstrap-token", token, "ingest.admin-api-key", adminKey));
            return new SharedPipeline(kafka, mongo, pipeline, token, adminKey);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        pipeline.close();
        kafka.close();
        mongo.close();
    }
}

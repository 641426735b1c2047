package dev.scimflow.local;

import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.scimflow.ingest.workspaces.Tokens;

/**
 * One Kafka broker, one MongoDB (see {@link TestInfrastructure}) and one pipeline (provisioner, team-sync, two
 * ingest-api instances) for all end-to-end test classes of this JVM, closed by JUnit when the run ends. Test
 * classes keep apart by using their own userNames.
 */
public final class SharedPipeline implements BeforeAllCallback, AutoCloseable {

    private static SharedPipeline instance;

    final TestInfrastructure infrastructure;
    final Pipeline pipeline;
    final String token;
    final String adminKey;

    private SharedPipeline(TestInfrastructure infrastructure, Pipeline pipeline, String token, String adminKey) {
        this.infrastructure = infrastructure;
        this.pipeline = pipeline;
        this.token = token;
        this.adminKey = adminKey;
    }

    /** Used only as the extension instance JUnit creates; the pipeline itself is {@link #get}. */
    public SharedPipeline() {
        this(null, null, null, null);
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
        TestInfrastructure infrastructure = TestInfrastructure.start();
        String token = Tokens.generate();
        String adminKey = Tokens.generate();
        Pipeline pipeline = Pipeline.start(infrastructure.bootstrapServers(), infrastructure.mongoUri(), 0, 2,
                Map.of("ingest.bootstrap-token", token, "ingest.admin-api-key", adminKey));
        return new SharedPipeline(infrastructure, pipeline, token, adminKey);
    }

    @Override
    public void close() {
        pipeline.close();
        infrastructure.close();
    }
}

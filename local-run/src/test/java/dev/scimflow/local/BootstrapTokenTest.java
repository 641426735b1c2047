package dev.scimflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.scimflow.ingest.workspaces.Tokens;

/**
 * {@code SCIM_BOOTSTRAP_TOKEN} sets the default workspace's token once: an instance started later with the same
 * setting does not revive it after an admin rotated it; a new setting does take effect. Runs its own broker, store
 * and pipeline, since it rotates the default workspace's token.
 */
class BootstrapTokenTest {

    private static TestInfrastructure infrastructure;
    private static Pipeline pipeline;

    @BeforeAll
    static void start() {
        infrastructure = TestInfrastructure.start();
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        infrastructure.close();
    }

    @Test
    void aRotatedDefaultTokenStaysRotatedWhenAnotherInstanceStartsWithTheSameSetting() {
        String bootstrap = Tokens.generate();
        String adminKey = Tokens.generate();
        pipeline = Pipeline.start(infrastructure.bootstrapServers(), infrastructure.mongoUri(), 0, 1,
                Map.of("ingest.bootstrap-token", bootstrap, "ingest.admin-api-key", adminKey));
        int first = pipeline.ingestPorts().get(0);
        assertThat(Scim.bearer(first, bootstrap).get("/Users").status()).isEqualTo(200);
        String rotated = Scim.admin(first, adminKey).post("/workspaces/default/scim-token", "").body().get("token")
                .asString();

        int restarted = pipeline.addIngest(0);

        assertThat(Scim.bearer(restarted, bootstrap).get("/Users").status()).isEqualTo(401);
        assertThat(Scim.bearer(restarted, rotated).get("/Users").status()).isEqualTo(200);

        String changed = Tokens.generate();
        int reconfigured = pipeline.addIngest(0, Map.of("ingest.bootstrap-token", changed));
        assertThat(Scim.bearer(reconfigured, changed).get("/Users").status()).isEqualTo(200);
        assertThat(Scim.bearer(first, rotated).get("/Users").status()).isEqualTo(401);
    }
}

package dev.scimflow.ingest.workspaces;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import dev.scimflow.ingest.IngestProperties;

/**
 * Sets the default workspace's SCIM token from {@code SCIM_BOOTSTRAP_TOKEN} at start-up, if it is given and was
 * not applied before (a token rotated or revoked through the admin API stays so across restarts).
 */
@Component
class BootstrapToken implements ApplicationRunner {

    static final String DEFAULT_WORKSPACE = "default";
    private static final Logger log = LoggerFactory.getLogger(BootstrapToken.class);

    private final Workspaces workspaces;
    private final IngestProperties properties;

    BootstrapToken(Workspaces workspaces, IngestProperties properties) {
        this.workspaces = workspaces;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String token = properties.bootstrapToken();
        if (token == null || token.isBlank()) {
            return;
        }
        if (workspaces.applyBootstrapToken(DEFAULT_WORKSPACE, "Default workspace", token.strip())) {
            log.info("SCIM token of workspace {} set from the bootstrap setting", DEFAULT_WORKSPACE);
        }
    }
}

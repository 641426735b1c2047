package dev.scimflow.teamsync;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Team-sync: owns the {@code teams} and {@code memberships} collections, applies group change events to them, and
 * removes deleted users from their teams as the provisioner's user events tell.
 */
@SpringBootApplication
public class TeamSyncApplication {

    /** Its configuration file is {@code team-sync.yml}, so the services can share one JVM in local runs. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(TeamSyncApplication.class)
                .properties("spring.config.name=team-sync");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}

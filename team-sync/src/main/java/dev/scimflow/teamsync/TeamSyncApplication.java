package dev.scimflow.teamsync;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Team-sync: will own the {@code teams} and team membership collections and apply group change events (the
 * Groups issue). For now it starts, connects to Kafka and MongoDB, and consumes nothing.
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

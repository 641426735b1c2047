package dev.scimflow.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The ingest API: authenticates the workspace, validates and normalises SCIM requests, publishes change events
 * and answers with their outcome; answers reads from the collections the consumers maintain.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApiApplication {

    /** Its configuration file is {@code ingest-api.yml}, so the services can share one JVM in local runs. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IngestApiApplication.class)
                .properties("spring.config.name=ingest-api");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}

package dev.scimflow.provisioner;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The provisioner: owns the {@code users} collection and applies user change events to it. */
@SpringBootApplication
public class ProvisionerApplication {

    /** Its configuration file is {@code provisioner.yml}, so the services can share one JVM in local runs. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ProvisionerApplication.class)
                .properties("spring.config.name=provisioner");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}

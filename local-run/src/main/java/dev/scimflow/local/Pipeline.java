package dev.scimflow.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.scimflow.ingest.IngestApiApplication;
import dev.scimflow.provisioner.ProvisionerApplication;
import dev.scimflow.teamsync.TeamSyncApplication;

/**
 * The three services started as separate Spring application contexts against one Kafka broker and one MongoDB:
 * the provisioner, team-sync and any number of ingest-api instances. Closing it stops the ingest instances first
 * (they finish in-flight requests), then the consumers.
 */
public final class Pipeline implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, Object> common;
    private final List<ConfigurableApplicationContext> ingest = new ArrayList<>();
    private final List<ConfigurableApplicationContext> consumers = new ArrayList<>();

    private Pipeline(Map<String, Object> common) {
        this.common = common;
    }

    /**
     * Starts the provisioner, team-sync and {@code ingestInstances} ingest-api instances; the first serves on
     * {@code httpPort} (0 picks free ports), the others on free ports.
     */
    public static Pipeline start(String kafka, String mongoUri, int httpPort, int ingestInstances,
            Map<String, Object> extra) {
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("spring.kafka.bootstrap-servers", kafka);
        common.put("spring.mongodb.uri", mongoUri);
        common.put("consumer.partitions", 3);
        common.put("ingest.partitions", 3);
        common.put("spring.main.banner-mode", "off");
        common.putAll(extra);
        Pipeline pipeline = new Pipeline(common);
        try {
            pipeline.consumers.add(run(ProvisionerApplication.builder(), common));
            pipeline.consumers.add(run(TeamSyncApplication.builder(), common));
            for (int i = 0; i < ingestInstances; i++) {
                pipeline.addIngest(i == 0 ? httpPort : 0);
            }
            return pipeline;
        }
        catch (RuntimeException ex) {
            pipeline.close();
            throw ex;
        }
    }

    /** Starts one more ingest-api instance and waits until it can answer writes; returns its port. */
    public int addIngest(int port) {
        return addIngest(port, Map.of());
    }

    /** Starts one more ingest-api instance with some settings of its own; returns its port. */
    public int addIngest(int port, Map<String, Object> settings) {
        Map<String, Object> properties = new LinkedHashMap<>(common);
        properties.put("server.port", port);
        properties.putAll(settings);
        ConfigurableApplicationContext context = run(IngestApiApplication.builder(), properties);
        ingest.add(context);
        awaitReady(context);
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The ports of the running ingest-api instances, in start order. */
    public List<Integer> ingestPorts() {
        return ingest.stream().map(context -> ((WebServerApplicationContext) context).getWebServer().getPort())
                .toList();
    }

    public ConfigurableApplicationContext provisioner() {
        return consumers.get(0);
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> all = new ArrayList<>(ingest);
        all.addAll(consumers);
        all.forEach(ConfigurableApplicationContext::close);
    }

    private static ConfigurableApplicationContext run(SpringApplicationBuilder builder,
            Map<String, Object> properties) {
        // as command-line arguments: they outrank the services' own configuration files
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
        return builder.registerShutdownHook(false).run(arguments);
    }

    private static void awaitReady(ConfigurableApplicationContext context) {
        HealthIndicator outcomes = context.getBean("outcomes", HealthIndicator.class);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Status.UP.equals(outcomes.health().getStatus())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ingest-api did not get its outcome partitions in " + READY_TIMEOUT);
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting", ex);
            }
        }
    }
}

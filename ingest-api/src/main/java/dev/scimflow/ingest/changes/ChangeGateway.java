package dev.scimflow.ingest.changes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import dev.scimflow.contract.ChangeEvent;
import dev.scimflow.contract.ChangeOutcome;
import dev.scimflow.contract.ChangeType;
import dev.scimflow.contract.Records;
import dev.scimflow.ingest.IngestProperties;
import dev.scimflow.ingest.workspaces.RequestContext;
import dev.scimflow.scim.ScimException;
import tools.jackson.databind.JsonNode;

/**
 * Publishes change events and completes each request with its outcome when the owning consumer reports it.
 *
 * <p>No thread waits: a write returns a future that the outcome listener completes. Every instance reads every
 * outcome and completes only the futures it holds, so any number of instances can run side by side. An outcome
 * that does not arrive within {@link IngestProperties#writeTimeout()} ends the request with 503 and
 * {@code Retry-After}; the change itself stays in Kafka and is applied once.
 */
@Component
public class ChangeGateway {

    private static final Logger log = LoggerFactory.getLogger(ChangeGateway.class);
    private static final int ANSWER_THREADS = 8;

    private final KafkaTemplate<Object, Object> kafka;
    private final IngestProperties properties;
    private final Map<String, CompletableFuture<ChangeOutcome>> pending = new ConcurrentHashMap<>();
    /** Runs the answers' own work (rendering, reads), so that the outcome listener's thread never waits on it. */
    private final ExecutorService answers;

    ChangeGateway(KafkaTemplate<Object, Object> kafka, IngestProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        this.answers = Executors.newFixedThreadPool(ANSWER_THREADS, task -> {
            Thread thread = new Thread(task, "scim-answer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        answers.shutdown();
    }

    /**
     * Publishes a change and returns its outcome, or fails with a 503 {@link ScimException}.
     *
     * @param expectedVersion the version an {@code If-Match} demands, or null
     */
    public CompletableFuture<ChangeOutcome> submit(RequestContext context, ChangeType type, String resourceId,
            String topic, Long expectedVersion, JsonNode payload) {
        ChangeEvent event = new ChangeEvent(type, ChangeEvent.SCHEMA_VERSION, UUID.randomUUID().toString(),
                context.workspaceId(), resourceId, Instant.now(), context.traceId(), context.client(), expectedVersion,
                payload);
        CompletableFuture<ChangeOutcome> outcome = new CompletableFuture<>();
        pending.put(event.eventId(), outcome);
        publish(topic, event, outcome);
        return outcome.orTimeout(properties.writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, failure) -> pending.remove(event.eventId()))
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        unwrap(failure) instanceof TimeoutException ? unavailable("The change was accepted but is"
                                + " not applied yet; it will be applied, retry to see its effect") : unwrap(failure)))
                .thenApplyAsync(Function.identity(), answers);
    }

    private void publish(String topic, ChangeEvent event, CompletableFuture<ChangeOutcome> outcome) {
        try {
            kafka.send(Records.record(topic, event.workspaceId(), event.resourceId(), event.type().wire(),
                    event.eventId(), event.traceId(), event)).whenComplete((sent, failure) -> {
                        if (failure != null) {
                            notPublished(event, outcome, failure);
                        }
                    });
        }
        catch (RuntimeException ex) {
            notPublished(event, outcome, ex);
        }
    }

    private void notPublished(ChangeEvent event, CompletableFuture<ChangeOutcome> outcome, Throwable failure) {
        log.warn("could not publish change {} of workspace {}: {}", event.eventId(), event.workspaceId(),
                failure.getClass().getSimpleName());
        outcome.completeExceptionally(unavailable("The change could not be accepted"));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Called by the outcome listener for every outcome on the topic; ignores those of other instances. */
    void complete(ChangeOutcome outcome) {
        CompletableFuture<ChangeOutcome> waiting = pending.get(outcome.eventId());
        if (waiting != null) {
            waiting.complete(outcome);
        }
    }

    private ScimException unavailable(String detail) {
        return ScimException.unavailable(detail, properties.retryAfter().toSeconds());
    }
}

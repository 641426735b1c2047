package dev.scimflow.consumer;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;

import dev.scimflow.contract.ChangeEvent;
import dev.scimflow.contract.ChangeOutcome;
import dev.scimflow.contract.Records;
import dev.scimflow.contract.Topics;

/**
 * The body of a change listener: applies the record's change, records it in the audit trail and publishes the
 * outcome and the public events. It runs inside the listener's Kafka transaction, so the sends and the consumed
 * offset are committed together, and a {@code read_committed} consumer sees them once.
 */
public class ChangeRelay {

    private final AuditLog audit;
    private final KafkaTemplate<Object, Object> kafka;

    ChangeRelay(AuditLog audit, KafkaTemplate<Object, Object> kafka) {
        this.audit = audit;
        this.kafka = kafka;
    }

    /** Applies a change; returns its outcome and the public events to publish. */
    @FunctionalInterface
    public interface Applier {
        Result apply(ChangeEvent event, int partition, long offset);
    }

    /** What applying a change came to. */
    public record Result(ChangeOutcome outcome, List<Published> events) {
    }

    /** A public event and where it goes: its topic, keyed by workspace and resource. */
    public record Published(String topic, String workspaceId, String resourceId, String type, String eventId,
            Object value) {
    }

    public void handle(ConsumerRecord<String, ChangeEvent> record, String resourceType, Applier applier) {
        ChangeEvent event = record.value();
        if (event == null) {
            throw new PoisonEventException("empty change record");
        }
        MDC.put("traceId", event.traceId());
        try {
            Result result = applier.apply(event, record.partition(), record.offset());
            audit.record(event, resourceType, result.outcome());
            kafka.send(Records.record(Topics.CHANGE_OUTCOMES, event.workspaceId(), event.resourceId(),
                    "change.outcome", event.eventId(), event.traceId(), result.outcome()));
            for (Published published : result.events()) {
                kafka.send(Records.record(published.topic(), published.workspaceId(), published.resourceId(),
                        published.type(), published.eventId(), event.traceId(), published.value()));
            }
        }
        finally {
            MDC.remove("traceId");
        }
    }
}

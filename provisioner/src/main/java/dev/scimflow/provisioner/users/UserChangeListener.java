package dev.scimflow.provisioner.users;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.scimflow.contract.ChangeEvent;
import dev.scimflow.contract.Records;
import dev.scimflow.contract.Topics;
import dev.scimflow.consumer.AuditLog;
import dev.scimflow.consumer.PoisonEventException;
import dev.scimflow.provisioner.users.UserChanges.Applied;

/**
 * Consumes user change events. Each record is handled in its own Kafka transaction: the outcome, the public user
 * event and the consumed offset are committed together, so a {@code read_committed} consumer sees an applied
 * change's event once even when the record is redelivered.
 */
@Component
class UserChangeListener {

    private final UserChanges changes;
    private final AuditLog audit;
    private final KafkaTemplate<Object, Object> kafka;

    UserChangeListener(UserChanges changes, AuditLog audit, KafkaTemplate<Object, Object> kafka) {
        this.changes = changes;
        this.audit = audit;
        this.kafka = kafka;
    }

    @KafkaListener(id = "user-changes", topics = Topics.USER_CHANGES, groupId = "${provisioner.group-id:provisioner}")
    void onChange(ConsumerRecord<String, ChangeEvent> record) {
        ChangeEvent event = record.value();
        if (event == null) {
            throw new PoisonEventException("empty change record");
        }
        MDC.put("traceId", event.traceId());
        try {
            Applied applied = changes.apply(event, record.partition(), record.offset());
            audit.record(event, "User", applied.outcome());
            publish(event, applied);
        }
        finally {
            MDC.remove("traceId");
        }
    }

    private void publish(ChangeEvent event, Applied applied) {
        kafka.send(Records.record(Topics.CHANGE_OUTCOMES, event.workspaceId(), event.resourceId(), "change.outcome",
                event.eventId(), event.traceId(), applied.outcome()));
        if (applied.event() != null) {
            kafka.send(Records.record(Topics.USER_EVENTS, event.workspaceId(), event.resourceId(),
                    applied.event().type().wire(), applied.event().eventId(), event.traceId(), applied.event()));
        }
    }
}

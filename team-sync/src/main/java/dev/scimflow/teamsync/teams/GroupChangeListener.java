package dev.scimflow.teamsync.teams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.scimflow.consumer.AuditLog;
import dev.scimflow.consumer.PoisonEventException;
import dev.scimflow.contract.ChangeEvent;
import dev.scimflow.contract.Records;
import dev.scimflow.contract.TeamEvent;
import dev.scimflow.contract.Topics;
import dev.scimflow.teamsync.teams.TeamChanges.Applied;

/**
 * Consumes group change events, each in its own Kafka transaction with its outcome and team events, like the
 * provisioner's user changes.
 */
@Component
class GroupChangeListener {

    private final TeamChanges changes;
    private final AuditLog audit;
    private final KafkaTemplate<Object, Object> kafka;

    GroupChangeListener(TeamChanges changes, AuditLog audit, KafkaTemplate<Object, Object> kafka) {
        this.changes = changes;
        this.audit = audit;
        this.kafka = kafka;
    }

    @KafkaListener(id = "group-changes", topics = Topics.GROUP_CHANGES, groupId = "${team-sync.group-id:team-sync}")
    void onChange(ConsumerRecord<String, ChangeEvent> record) {
        ChangeEvent event = record.value();
        if (event == null) {
            throw new PoisonEventException("empty change record");
        }
        MDC.put("traceId", event.traceId());
        try {
            Applied applied = changes.apply(event, record.partition(), record.offset());
            audit.record(event, "Group", applied.outcome());
            kafka.send(Records.record(Topics.CHANGE_OUTCOMES, event.workspaceId(), event.resourceId(),
                    "change.outcome", event.eventId(), event.traceId(), applied.outcome()));
            for (TeamEvent teamEvent : applied.events()) {
                kafka.send(Records.record(Topics.TEAM_EVENTS, teamEvent.workspaceId(), teamEvent.teamId(),
                        teamEvent.type().wire(), teamEvent.eventId(), event.traceId(), teamEvent));
            }
        }
        finally {
            MDC.remove("traceId");
        }
    }
}

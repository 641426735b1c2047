package dev.scimflow.teamsync.teams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.scimflow.consumer.ChangeRelay;
import dev.scimflow.contract.ChangeEvent;
import dev.scimflow.contract.Topics;
import dev.scimflow.teamsync.teams.TeamChanges.Applied;

/** Consumes group change events, each in its own Kafka transaction with its outcome and team events. */
@Component
class GroupChangeListener {

    private final TeamChanges changes;
    private final ChangeRelay relay;

    GroupChangeListener(TeamChanges changes, ChangeRelay relay) {
        this.changes = changes;
        this.relay = relay;
    }

    @KafkaListener(id = "group-changes", topics = Topics.GROUP_CHANGES, groupId = "${team-sync.group-id:team-sync}")
    void onChange(ConsumerRecord<String, ChangeEvent> record) {
        relay.handle(record, "Group", (event, partition, offset) -> {
            Applied applied = changes.apply(event, partition, offset);
            return new ChangeRelay.Result(applied.outcome(), applied.events().stream()
                    .map(team -> new ChangeRelay.Published(Topics.TEAM_EVENTS, team.workspaceId(), team.teamId(),
                            team.type().wire(), team.eventId(), team)).toList());
        });
    }
}

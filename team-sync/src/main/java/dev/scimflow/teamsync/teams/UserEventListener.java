package dev.scimflow.teamsync.teams;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.scimflow.consumer.PoisonEventException;
import dev.scimflow.contract.Records;
import dev.scimflow.contract.TeamEvent;
import dev.scimflow.contract.TeamEventType;
import dev.scimflow.contract.TeamState;
import dev.scimflow.contract.Topics;
import dev.scimflow.contract.UserEvent;
import dev.scimflow.contract.UserEventType;

/**
 * Learns from the provisioner's public user events that a user was deleted, and removes it from every team. The
 * teams it was removed from are written down first (with the event's position), so a redelivery removes the same
 * memberships and publishes the same member events, while a duplicate event publishes nothing. Deleted users can
 * no longer be added to teams (see {@link TeamChanges} for the check that closes the race with a concurrent add).
 *
 * <p>Note that these removals do not change the teams' versions.
 */
@Component
class UserEventListener {

    private static final Logger log = LoggerFactory.getLogger(UserEventListener.class);

    private final TeamStore store;
    private final KafkaTemplate<Object, Object> kafka;

    UserEventListener(TeamStore store, KafkaTemplate<Object, Object> kafka) {
        this.store = store;
        this.kafka = kafka;
    }

    @KafkaListener(id = "user-events", topics = Topics.USER_EVENTS, groupId = "${team-sync.group-id:team-sync}",
            properties = "spring.deserializer.value.delegate.class=dev.scimflow.contract.EventDeserializer$UserEvents")
    void onUserEvent(ConsumerRecord<String, UserEvent> record) {
        UserEvent event = record.value();
        if (event == null) {
            throw new PoisonEventException("empty user event record");
        }
        if (event.schemaVersion() != UserEvent.SCHEMA_VERSION) {
            throw new PoisonEventException("unsupported user event schema version " + event.schemaVersion());
        }
        if (event.type() != UserEventType.DELETED) {
            return;
        }
        List<String> teams = teamsToLeave(event, record.partition(), record.offset());
        if (teams == null) {
            return;
        }
        teams.forEach(team -> store.removeMembers(event.workspaceId(), team, List.of(event.userId())));
        log.info("removed deleted user {} of workspace {} from {} teams", event.userId(), event.workspaceId(),
                teams.size());
        publish(event, store.teams(teams));
    }

    /**
     * The teams the deleted user leaves, written down before any membership is removed: first that the user is
     * deleted (from then on it cannot be added to a team), then which teams it is in. Null for a duplicate event.
     */
    private List<String> teamsToLeave(UserEvent event, int partition, long offset) {
        Document removed = store.removedUser(event.workspaceId(), event.userId());
        if (removed != null && (removed.getInteger("partition") != partition
                || ((Number) removed.get("offset")).longValue() != offset)) {
            return null;
        }
        List<String> teams = removed == null ? null : removed.getList("teams", String.class);
        if (teams == null) {
            store.recordRemovedUser(event.workspaceId(), event.userId(), null, event.eventId(), partition, offset);
            teams = store.teamsOf(event.workspaceId(), event.userId());
            store.recordRemovedUser(event.workspaceId(), event.userId(), teams, event.eventId(), partition, offset);
        }
        return teams;
    }

    private void publish(UserEvent cause, List<TeamState> teams) {
        for (TeamState team : teams) {
            TeamEvent event = new TeamEvent(TeamEventType.MEMBER_REMOVED, TeamEvent.SCHEMA_VERSION,
                    UUID.nameUUIDFromBytes((cause.eventId() + "/" + team.id()).getBytes(StandardCharsets.UTF_8))
                            .toString(), cause.eventId(), team.workspaceId(), team.id(), cause.userId(),
                    cause.timestamp(), cause.traceId(), team);
            kafka.send(Records.record(Topics.TEAM_EVENTS, team.workspaceId(), team.id(), event.type().wire(),
                    event.eventId(), cause.traceId(), event));
        }
    }
}

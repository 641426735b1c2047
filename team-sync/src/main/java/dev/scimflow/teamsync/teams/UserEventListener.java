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
 * no longer be added to teams.
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
        if (event == null || event.type() != UserEventType.DELETED) {
            return;
        }
        Document removed = store.removedUser(event.workspaceId(), event.userId());
        List<String> teams;
        if (removed == null) {
            teams = store.teamsOf(event.workspaceId(), event.userId());
            store.recordRemovedUser(event.workspaceId(), event.userId(), teams, event.eventId(), record.partition(),
                    record.offset());
        }
        else if (removed.getInteger("partition") == record.partition()
                && ((Number) removed.get("offset")).longValue() == record.offset()) {
            teams = removed.getList("teams", String.class);
        }
        else {
            return;
        }
        teams.forEach(team -> store.removeMembers(event.workspaceId(), team, List.of(event.userId())));
        log.info("removed deleted user {} of workspace {} from {} teams", event.userId(), event.workspaceId(),
                teams.size());
        publish(event, store.teams(teams));
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

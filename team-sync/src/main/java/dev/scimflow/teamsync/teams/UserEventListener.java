package dev.scimflow.teamsync.teams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import dev.scimflow.contract.ChangeEvent;
import dev.scimflow.contract.ChangeType;
import dev.scimflow.contract.EventJson;
import dev.scimflow.contract.Records;
import dev.scimflow.contract.Topics;
import dev.scimflow.contract.UserEvent;
import dev.scimflow.contract.UserEventType;
import tools.jackson.databind.node.ObjectNode;

/**
 * Learns from the provisioner's public user events that a user was deleted, and has it removed from every team.
 *
 * <p>It records first that the user is deleted (from then on it cannot be added to a team; see
 * {@link TeamChanges} for the check that closes the race with a concurrent add), then which teams it is in, then
 * publishes one group change per team that removes it. Those changes go through the group change topic, keyed by
 * team, so they are applied, versioned and announced in order with the team's other changes. They are idempotent
 * (removing an absent member changes nothing), so a redelivered or replayed user event simply publishes them
 * again, with the same ids.
 */
@Component
class UserEventListener {

    static final String CLIENT = "team-sync";
    private static final Logger log = LoggerFactory.getLogger(UserEventListener.class);

    private final TeamStore store;
    private final KafkaTemplate<Object, Object> kafka;

    UserEventListener(TeamStore store, KafkaTemplate<Object, Object> kafka) {
        this.store = store;
        this.kafka = kafka;
    }

    @KafkaListener(id = "user-events", topics = {Topics.USER_EVENTS, Topics.USER_EVENTS_REPLAY},
            groupId = "${team-sync.group-id:team-sync}",
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
        List<String> teams = teamsToLeave(event);
        teams.forEach(team -> kafka.send(Records.record(Topics.GROUP_CHANGES, event.workspaceId(), team,
                ChangeType.GROUP_PATCH.wire(), removalId(event, team), event.traceId(), removal(event, team))));
        log.info("deleted user {} of workspace {} leaves {} teams", event.userId(), event.workspaceId(),
                teams.size());
    }

    /** The teams the deleted user leaves, written down (once per deletion) before anything is published. */
    private List<String> teamsToLeave(UserEvent event) {
        Document removed = store.removedUser(event.workspaceId(), event.userId());
        List<String> teams = removed == null ? null : removed.getList("teams", String.class);
        if (teams == null) {
            store.recordRemovedUser(event.workspaceId(), event.userId(), null, event.eventId());
            teams = store.teamsOf(event.workspaceId(), event.userId());
            store.recordRemovedUser(event.workspaceId(), event.userId(), teams, event.eventId());
        }
        return teams;
    }

    private static ChangeEvent removal(UserEvent event, String team) {
        ObjectNode patch = EventJson.MAPPER.createObjectNode();
        patch.putArray("Operations").addObject().put("op", "remove")
                .put("path", "members[value eq \"" + event.userId() + "\"]");
        return new ChangeEvent(ChangeType.GROUP_PATCH, ChangeEvent.SCHEMA_VERSION, removalId(event, team),
                event.workspaceId(), team, Instant.now(), event.traceId(), CLIENT, null, patch);
    }

    private static String removalId(UserEvent event, String team) {
        return UUID.nameUUIDFromBytes((event.eventId() + "/leave/" + team).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}

package dev.scimflow.teamsync.teams;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.scimflow.consumer.PoisonEventException;
import dev.scimflow.contract.ChangeEvent;
import dev.scimflow.contract.ChangeOutcome;
import dev.scimflow.contract.TeamEvent;
import dev.scimflow.contract.TeamEventType;
import dev.scimflow.contract.TeamState;
import dev.scimflow.scim.ScimException;
import dev.scimflow.teamsync.teams.GroupEdits.Plan;
import dev.scimflow.teamsync.teams.TeamStore.Effect;
import dev.scimflow.teamsync.teams.TeamStore.Marker;
import dev.scimflow.teamsync.teams.TeamStore.Member;
import dev.scimflow.teamsync.teams.TeamStore.Stored;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies group change events to teams and memberships and decides what to answer and what to publish.
 *
 * <p>A change is applied in steps that are each atomic and idempotent: its member changes (the effect) are
 * computed from the memberships it touches and written down first; the team document then records the change
 * (version, attributes, marker), which is where a duplicate name refuses it before any membership moves; then
 * the memberships are added and removed by id. A redelivered change finds its marker, re-applies its written effect
 * (a no-op where it was applied) and publishes its outcome and events again. Adding a present member or removing
 * an absent one changes nothing and publishes nothing.
 */
@Service
class TeamChanges {

    private static final Logger log = LoggerFactory.getLogger(TeamChanges.class);

    private final TeamStore store;
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

    TeamChanges(TeamStore store) {
        this.store = store;
    }

    /** The outcome to answer and the team events to publish. */
    record Applied(ChangeOutcome outcome, List<TeamEvent> events) {
    }

    Applied apply(ChangeEvent event, int partition, long offset) {
        if (event.schemaVersion() != ChangeEvent.SCHEMA_VERSION) {
            throw new PoisonEventException("unsupported change schema version " + event.schemaVersion());
        }
        Stored stored = store.find(event.workspaceId(), event.resourceId());
        if (stored != null && stored.marker() != null && stored.marker().covers(partition, offset, event.eventId())) {
            return replayed(event, stored, partition, offset);
        }
        try {
            return switch (event.type()) {
                case GROUP_CREATE -> create(event, stored, partition, offset);
                case GROUP_REPLACE -> update(event, live(event, stored), GroupEdits.whole(event.payload()),
                        partition, offset);
                case GROUP_PATCH -> {
                    Stored current = live(event, stored);
                    yield update(event, current, GroupEdits.patched(current.team().attributes(), event.payload()),
                            partition, offset);
                }
                case GROUP_DELETE -> delete(event, live(event, stored), partition, offset);
                default -> throw new PoisonEventException("not a group change: " + event.type().wire());
            };
        }
        catch (ScimException ex) {
            log.debug("rejected {} {} of workspace {}: {}", event.type().wire(), event.resourceId(),
                    event.workspaceId(), ex.status());
            return new Applied(ChangeOutcome.rejected(event, ex.status(), ex.scimType(), ex.getMessage()), List.of());
        }
    }

    private Applied create(ChangeEvent event, Stored stored, int partition, long offset) {
        if (stored != null) {
            throw ScimException.uniqueness("a group with id " + event.resourceId() + " exists");
        }
        Plan plan = GroupEdits.whole(event.payload());
        Instant now = clock.instant();
        TeamState team = new TeamState(event.resourceId(), event.workspaceId(),
                plan.attributes().get("displayName").asString(), plan.attributes(), now, now, 1);
        Effect effect = effect(event.workspaceId(), team.id(), plan, true);
        int chunks = store.writeEffect(event.eventId(), team.id(), effect.added(), effect.removed());
        Marker marker = new Marker(partition, offset, event.eventId(), 201,
                List.of(TeamEventType.CREATED.wire()), chunks);
        if (!store.insert(team, marker)) {
            store.deleteEffect(event.eventId(), chunks);
            throw duplicateName();
        }
        List<String> late = applyEffect(team, effect);
        log.info("created team {} of workspace {} with {} members", team.id(), team.workspaceId(),
                effect.added().size());
        return applied(event, marker, team, effect, late);
    }

    private Applied update(ChangeEvent event, Stored stored, Plan plan, int partition, long offset) {
        TeamState current = stored.team();
        Effect effect = effect(event.workspaceId(), current.id(), plan, false);
        List<String> events = new ArrayList<>();
        String displayName = plan.attributes().get("displayName").asString();
        if (!displayName.equals(current.displayName())) {
            events.add(TeamEventType.RENAMED.wire());
        }
        ObjectNode withoutName = plan.attributes().deepCopy();
        withoutName.remove("displayName");
        ObjectNode currentWithoutName = current.attributes().deepCopy();
        currentWithoutName.remove("displayName");
        if (!withoutName.equals(currentWithoutName)) {
            events.add(TeamEventType.UPDATED.wire());
        }
        if (events.isEmpty() && effect.isEmpty()) {
            return new Applied(ChangeOutcome.applied(event, 200, current), List.of());
        }
        TeamState next = new TeamState(current.id(), current.workspaceId(), displayName, plan.attributes(),
                current.created(), clock.instant(), current.version() + 1);
        int chunks = store.writeEffect(event.eventId(), current.id(), effect.added(), effect.removed());
        Marker marker = new Marker(partition, offset, event.eventId(), 200, events, chunks);
        if (!store.update(next, current.version(), marker)) {
            store.deleteEffect(event.eventId(), chunks);
            throw duplicateName();
        }
        List<String> late = applyEffect(next, effect);
        Marker previous = stored.marker();
        if (previous != null) {
            store.deleteEffect(previous.eventId(), previous.effectChunks());
        }
        log.info("changed team {} of workspace {}: {} members added, {} removed", next.id(), next.workspaceId(),
                effect.added().size(), effect.removed().size());
        return applied(event, marker, next, effect, late);
    }

    private Applied delete(ChangeEvent event, Stored stored, int partition, long offset) {
        TeamState current = stored.team();
        TeamState last = new TeamState(current.id(), current.workspaceId(), current.displayName(),
                current.attributes(), current.created(), clock.instant(), current.version() + 1);
        Marker marker = new Marker(partition, offset, event.eventId(), 204, List.of(TeamEventType.DELETED.wire()),
                0);
        store.markDeleted(last, current.version(), marker);
        store.removeAllMembers(current.id());
        log.info("deleted team {} of workspace {}", last.id(), last.workspaceId());
        return applied(event, marker, last, Effect.NONE, List.of());
    }

    /**
     * The member changes a plan makes: which members it adds that are absent, and which present members it
     * removes. Reads only the memberships the plan names, unless it replaces or clears the whole list.
     */
    private Effect effect(String workspaceId, String teamId, Plan plan, boolean newTeam) {
        boolean whole = plan.steps().stream().anyMatch(step -> step instanceof GroupEdits.ReplaceAll
                || step instanceof GroupEdits.RemoveAll);
        Set<String> named = new HashSet<>();
        plan.steps().forEach(step -> named.addAll(ids(step)));
        Set<String> before = newTeam ? Set.of() : whole ? store.members(teamId) : store.present(workspaceId,
                teamId, named);
        Set<String> deletedUsers = store.removedAmong(workspaceId, named);

        Map<String, Member> after = new LinkedHashMap<>();
        before.forEach(id -> after.put(id, new Member(id, null)));
        for (GroupEdits.Step step : plan.steps()) {
            if (step instanceof GroupEdits.Add add) {
                add.members().stream().filter(member -> !deletedUsers.contains(member.userId()))
                        .forEach(member -> after.putIfAbsent(member.userId(), member));
            }
            else if (step instanceof GroupEdits.Remove remove) {
                remove.userIds().forEach(after::remove);
            }
            else if (step instanceof GroupEdits.ReplaceAll replace) {
                after.clear();
                replace.members().stream().filter(member -> !deletedUsers.contains(member.userId()))
                        .forEach(member -> after.putIfAbsent(member.userId(), member));
            }
            else {
                after.clear();
            }
        }
        List<Member> added = after.values().stream().filter(member -> !before.contains(member.userId())).toList();
        List<String> removed = before.stream().filter(id -> !after.containsKey(id)).sorted().toList();
        return new Effect(added, removed);
    }

    private static List<String> ids(GroupEdits.Step step) {
        if (step instanceof GroupEdits.Add add) {
            return add.members().stream().map(Member::userId).toList();
        }
        if (step instanceof GroupEdits.ReplaceAll replace) {
            return replace.members().stream().map(Member::userId).toList();
        }
        if (step instanceof GroupEdits.Remove remove) {
            return remove.userIds();
        }
        return List.of();
    }

    /**
     * Applies the member changes, then takes back any added member whose user was deleted meanwhile (the user
     * events are consumed on another thread): either the deletion saw the membership, or this check sees the
     * deletion. Returns the members taken back.
     */
    private List<String> applyEffect(TeamState team, Effect effect) {
        store.addMembers(team.workspaceId(), team.id(), effect.added());
        store.removeMembers(team.workspaceId(), team.id(), effect.removed());
        if (effect.added().isEmpty()) {
            return List.of();
        }
        Set<String> added = new HashSet<>();
        effect.added().forEach(member -> added.add(member.userId()));
        List<String> late = store.removedAmong(team.workspaceId(), added).stream().sorted().toList();
        store.removeMembers(team.workspaceId(), team.id(), late);
        return late;
    }

    private static Stored live(ChangeEvent event, Stored stored) {
        if (stored == null || stored.deleted()) {
            throw ScimException.notFound("Group", event.resourceId());
        }
        Long expected = event.expectedVersion();
        if (expected != null && expected != stored.team().version()) {
            throw ScimException.preconditionFailed("The group has changed: its version is W/\""
                    + stored.team().version() + "\"");
        }
        return stored;
    }

    /** As for users: the very record applied last is published again; an older one only answers. */
    private Applied replayed(ChangeEvent event, Stored stored, int partition, long offset) {
        Marker marker = stored.marker();
        log.info("change {} at {}@{} was applied already", event.eventId(), partition, offset);
        if (marker.partition() == partition && marker.offset() == offset) {
            Effect effect = store.readEffect(marker.eventId(), marker.effectChunks());
            List<String> late = applyEffect(stored.team(), effect);
            if (stored.deleted()) {
                store.removeAllMembers(stored.team().id());
            }
            return applied(event, marker, stored.team(), effect, late);
        }
        return new Applied(ChangeOutcome.applied(event, stored.deleted() ? 204 : 200, stored.team()), List.of());
    }

    private Applied applied(ChangeEvent event, Marker marker, TeamState team, Effect effect, List<String> late) {
        List<TeamEvent> events = new ArrayList<>();
        marker.events().forEach(type -> events.add(teamEvent(event, events.size(), TeamEventType.fromWire(type),
                team, null)));
        effect.added().forEach(member -> events.add(teamEvent(event, events.size(), TeamEventType.MEMBER_ADDED,
                team, member.userId())));
        effect.removed().forEach(userId -> events.add(teamEvent(event, events.size(), TeamEventType.MEMBER_REMOVED,
                team, userId)));
        late.forEach(userId -> events.add(teamEvent(event, events.size(), TeamEventType.MEMBER_REMOVED, team,
                userId)));
        return new Applied(ChangeOutcome.applied(event, marker.status(), team), events);
    }

    static TeamEvent teamEvent(ChangeEvent cause, int index, TeamEventType type, TeamState team, String userId) {
        return new TeamEvent(type, TeamEvent.SCHEMA_VERSION, eventId(cause.eventId(), index), cause.eventId(),
                team.workspaceId(), team.id(), userId, team.lastModified(), cause.traceId(), team);
    }

    static String eventId(String causationId, int index) {
        return UUID.nameUUIDFromBytes((causationId + "/team-event/" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static ScimException duplicateName() {
        return ScimException.uniqueness("displayName is already in use in this workspace");
    }
}

package dev.scimflow.provisioner.users;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.scimflow.contract.ChangeEvent;
import dev.scimflow.contract.ChangeOutcome;
import dev.scimflow.contract.UserEvent;
import dev.scimflow.contract.UserEventType;
import dev.scimflow.contract.UserState;
import dev.scimflow.consumer.PoisonEventException;
import dev.scimflow.provisioner.users.UserStore.Marker;
import dev.scimflow.provisioner.users.UserStore.Stored;
import dev.scimflow.scim.ScimException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies user change events to the store and decides what to answer and what to publish.
 *
 * <p>Idempotency: every write records the change's position and id on the user, and a change found there is
 * not applied again (see {@link #replayed}). Rejections and no-op changes write nothing and publish no event, so
 * evaluating them twice is harmless. A deleted user stays as a tombstone for the same reason.
 */
@Service
class UserChanges {

    private static final Logger log = LoggerFactory.getLogger(UserChanges.class);

    private final UserStore store;
    private final Clock clock;

    UserChanges(UserStore store) {
        this.store = store;
        // milliseconds: what MongoDB stores, so a response and a later read show the same times
        this.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /** The outcome to answer and the public event to publish (null when nothing changed). */
    record Applied(ChangeOutcome outcome, UserEvent event) {
    }

    private interface Edit {
        ObjectNode apply(ObjectNode current, JsonNode payload);
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
                case USER_CREATE -> create(event, stored, partition, offset);
                case USER_REPLACE -> update(event, live(event, stored), UserEdits::replaced, partition, offset);
                case USER_PATCH -> update(event, live(event, stored), UserEdits::patched, partition, offset);
                case USER_DELETE -> delete(event, live(event, stored), partition, offset);
                default -> throw new PoisonEventException("not a user change: " + event.type().wire());
            };
        }
        catch (ScimException ex) {
            log.debug("rejected {} {} of workspace {}: {}", event.type().wire(), event.resourceId(),
                    event.workspaceId(), ex.status());
            return new Applied(ChangeOutcome.rejected(event, ex.status(), ex.scimType(), ex.getMessage()), null);
        }
    }

    private Applied create(ChangeEvent event, Stored stored, int partition, long offset) {
        if (stored != null) {
            throw ScimException.uniqueness("a user with id " + event.resourceId() + " exists");
        }
        ObjectNode attributes = UserEdits.created(event.payload());
        Instant now = clock.instant();
        UserState user = new UserState(event.resourceId(), event.workspaceId(),
                attributes.get("userName").asString(), attributes.get("active").asBoolean(), attributes, now, now, 1);
        Marker marker = new Marker(partition, offset, event.eventId(), UserEventType.PROVISIONED.wire(), 201);
        if (!store.insert(user, marker)) {
            throw ScimException.uniqueness("userName is already in use in this workspace");
        }
        log.info("provisioned user {} of workspace {}", user.id(), user.workspaceId());
        return applied(event, marker, user);
    }

    private Applied update(ChangeEvent event, UserState current, Edit edit, int partition, long offset) {
        ObjectNode attributes = edit.apply(current.attributes(), event.payload());
        if (attributes.equals(current.attributes())) {
            return new Applied(ChangeOutcome.applied(event, 200, current), null);
        }
        boolean active = attributes.get("active").asBoolean();
        UserState next = new UserState(current.id(), current.workspaceId(), current.userName(), active, attributes,
                current.created(), clock.instant(), current.version() + 1);
        UserEventType type = current.active() == active ? UserEventType.UPDATED
                : active ? UserEventType.REACTIVATED : UserEventType.DEACTIVATED;
        Marker marker = new Marker(partition, offset, event.eventId(), type.wire(), 200);
        if (!store.update(next, current.version(), marker)) {
            throw new IllegalStateException("user " + current.id() + " changed concurrently; retrying");
        }
        log.info("{} user {} of workspace {}", type.wire(), next.id(), next.workspaceId());
        return applied(event, marker, next);
    }

    private Applied delete(ChangeEvent event, UserState current, int partition, long offset) {
        UserState last = new UserState(current.id(), current.workspaceId(), current.userName(), current.active(),
                current.attributes(), current.created(), clock.instant(), current.version() + 1);
        Marker marker = new Marker(partition, offset, event.eventId(), UserEventType.DELETED.wire(), 204);
        if (!store.markDeleted(last, current.version(), marker)) {
            throw new IllegalStateException("user " + current.id() + " changed concurrently; retrying");
        }
        log.info("deleted user {} of workspace {}", last.id(), last.workspaceId());
        return applied(event, marker, last);
    }

    /** The stored user a change applies to: it must exist, and match the request's {@code If-Match}. */
    private static UserState live(ChangeEvent event, Stored stored) {
        if (stored == null || stored.deleted()) {
            throw ScimException.notFound("User", event.resourceId());
        }
        Long expected = event.expectedVersion();
        if (expected != null && expected != stored.user().version()) {
            throw ScimException.preconditionFailed("The user has changed: its version is W/\""
                    + stored.user().version() + "\"");
        }
        return stored.user();
    }

    /**
     * A change applied before. If it is the very record that was applied last (a redelivery: the transaction that
     * published its outcome and event was rolled back), both are published again. Otherwise (an older record, or
     * the same change published twice) its event was committed already, and only the outcome is repeated.
     */
    private Applied replayed(ChangeEvent event, Stored stored, int partition, long offset) {
        Marker marker = stored.marker();
        log.info("change {} at {}@{} was applied already", event.eventId(), partition, offset);
        if (marker.partition() == partition && marker.offset() == offset) {
            return applied(event, marker, stored.user());
        }
        return new Applied(ChangeOutcome.applied(event, stored.deleted() ? 204 : 200, stored.user()), null);
    }

    private Applied applied(ChangeEvent event, Marker marker, UserState user) {
        UserEvent published = new UserEvent(UserEventType.fromWire(marker.eventType()), UserEvent.SCHEMA_VERSION,
                UUID.nameUUIDFromBytes((event.eventId() + "/user-event").getBytes(StandardCharsets.UTF_8)).toString(),
                event.eventId(), user.workspaceId(), user.id(), user.lastModified(), event.traceId(), user);
        return new Applied(ChangeOutcome.applied(event, marker.status(), user), published);
    }
}

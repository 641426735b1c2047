package dev.scimflow.contract;

import java.time.Instant;

/**
 * A public event: a change the provisioner applied to a user. Published on {@link Topics#USER_EVENTS}
 * transactionally, so a {@code read_committed} consumer sees each applied change exactly once.
 *
 * @param type          what happened
 * @param schemaVersion version of this event's shape
 * @param eventId       unique id of this event
 * @param causationId   the id of the change event that caused it
 * @param workspaceId   the workspace of the user
 * @param userId        the user's SCIM id
 * @param timestamp     when the change was applied
 * @param traceId       trace id of the originating request
 * @param user          the user's state after the change
 */
public record UserEvent(UserEventType type, int schemaVersion, String eventId, String causationId,
        String workspaceId, String userId, Instant timestamp, String traceId, UserState user) {

    public static final int SCHEMA_VERSION = 1;
}

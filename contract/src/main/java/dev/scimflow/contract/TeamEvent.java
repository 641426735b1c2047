package dev.scimflow.contract;

import java.time.Instant;

/**
 * A public event: a change team-sync applied to a team. Published on {@link Topics#TEAM_EVENTS} transactionally,
 * keyed by workspace and team, so a {@code read_committed} consumer sees each applied change once and in order.
 *
 * @param type          what happened
 * @param schemaVersion version of this event's shape
 * @param eventId       unique id of this event
 * @param causationId   the id of the change event (or user event) that caused it
 * @param workspaceId   the workspace of the team
 * @param teamId        the team's SCIM id
 * @param userId        the member, for member events; otherwise null
 * @param timestamp     when the change was applied
 * @param traceId       trace id of the originating request
 * @param team          the team's state after the change (without members)
 */
public record TeamEvent(TeamEventType type, int schemaVersion, String eventId, String causationId,
        String workspaceId, String teamId, String userId, Instant timestamp, String traceId, TeamState team) {

    public static final int SCHEMA_VERSION = 1;
}

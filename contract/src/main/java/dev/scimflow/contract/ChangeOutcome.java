package dev.scimflow.contract;

/**
 * What became of a {@link ChangeEvent}: applied (2xx) or rejected (4xx), with the SCIM error fields of a
 * rejection and the resource state after an applied change.
 *
 * @param eventId     the change this answers
 * @param workspaceId the workspace of the change
 * @param resourceId  the resource of the change
 * @param status      the HTTP status ingest-api answers with
 * @param scimType    the RFC 7644 {@code scimType} of a rejection, or null
 * @param detail      a human-readable reason for a rejection, free of personal data, or null
 * @param user        the user after an applied user change, or null
 * @param team        the team after an applied group change (without members), or null
 */
public record ChangeOutcome(String eventId, String workspaceId, String resourceId, int status, String scimType,
        String detail, UserState user, TeamState team) {

    public static ChangeOutcome applied(ChangeEvent event, int status, UserState user) {
        return new ChangeOutcome(event.eventId(), event.workspaceId(), event.resourceId(), status, null, null, user,
                null);
    }

    public static ChangeOutcome applied(ChangeEvent event, int status, TeamState team) {
        return new ChangeOutcome(event.eventId(), event.workspaceId(), event.resourceId(), status, null, null, null,
                team);
    }

    public static ChangeOutcome rejected(ChangeEvent event, int status, String scimType, String detail) {
        return new ChangeOutcome(event.eventId(), event.workspaceId(), event.resourceId(), status, scimType, detail,
                null, null);
    }

    public boolean isApplied() {
        return status >= 200 && status < 300;
    }
}

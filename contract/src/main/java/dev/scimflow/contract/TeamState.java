package dev.scimflow.contract;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * A team as stored by team-sync: its SCIM attributes without the member list (memberships are stored one document
 * each) and the bookkeeping around them.
 *
 * @param id           the SCIM id of the group
 * @param workspaceId  the owning workspace
 * @param displayName  the team's name, unique in the workspace (case-insensitively)
 * @param attributes   the stored SCIM attributes ({@code displayName}, {@code externalId})
 * @param created      creation time
 * @param lastModified time of the last applied change, members included
 * @param version      incremented by every applied change; the SCIM {@code meta.version}
 */
public record TeamState(String id, String workspaceId, String displayName, ObjectNode attributes, Instant created,
        Instant lastModified, long version) {
}

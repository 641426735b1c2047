package dev.scimflow.contract;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * A user as stored by the provisioner: the SCIM attributes the IdP sent (without {@code id}, {@code meta},
 * {@code password} and other read-only attributes) and the bookkeeping around them.
 *
 * @param id           the SCIM id
 * @param workspaceId  the owning workspace
 * @param userName     the userName exactly as the IdP sent it
 * @param active       false once deactivated (the user is Disabled and cannot sign in)
 * @param attributes   the stored SCIM attributes, including {@code userName} and {@code active}
 * @param created      creation time
 * @param lastModified time of the last applied change
 * @param version      incremented by every applied change; the SCIM {@code meta.version}
 */
public record UserState(String id, String workspaceId, String userName, boolean active, ObjectNode attributes,
        Instant created, Instant lastModified, long version) {
}

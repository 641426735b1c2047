package dev.scimflow.contract.store;

/**
 * The schema of the {@code memberships} collection, owned by team-sync and read by ingest-api: one document per
 * member of a team, so that adding or removing a member costs the same for a team of ten or of a hundred thousand.
 * The id joins workspace, team and user, so a membership is found, added (once) and removed by its id alone.
 */
public final class MembershipDocuments {

    public static final String COLLECTION = "memberships";

    public static final String ID = "_id";
    public static final String WORKSPACE_ID = "workspaceId";
    public static final String TEAM_ID = "teamId";
    public static final String USER_ID = "userId";
    /** The member's display value as the IdP sent it. */
    public static final String DISPLAY = "display";
    public static final String ADDED = "added";

    /** Members of a team in a stable order. */
    public static final String TEAM_INDEX = "team_user";
    /** Teams of a user (the User's {@code groups}, and removal when a user is deleted). */
    public static final String USER_INDEX = "workspace_user";

    private MembershipDocuments() {
    }

    public static String id(String workspaceId, String teamId, String userId) {
        return workspaceId + "/" + teamId + "/" + userId;
    }
}

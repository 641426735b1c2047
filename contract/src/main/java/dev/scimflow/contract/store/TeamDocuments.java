package dev.scimflow.contract.store;

/** The schema of the {@code teams} collection, owned by team-sync. Every query must constrain the workspace. */
public final class TeamDocuments {

    public static final String COLLECTION = "teams";
    public static final String WORKSPACE_ID = "workspaceId";

    private TeamDocuments() {
    }
}

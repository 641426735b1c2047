package dev.scimflow.contract;

/**
 * Topic names and record keys shared by the services.
 *
 * <p>Internal topics ({@code scim.*}) carry change requests from ingest-api to the owning consumer and the
 * outcomes back; public topics ({@code users.*}, {@code teams.*}) carry what was applied, for downstream
 * services. Every record of one resource is keyed by {@link #key(String, String)} so that a resource's changes
 * land on one partition and are applied in order.
 */
public final class Topics {

    /** User change requests, ingest-api to provisioner. */
    public static final String USER_CHANGES = "scim.user-changes.v1";

    /** Group change requests, ingest-api to team-sync. */
    public static final String GROUP_CHANGES = "scim.group-changes.v1";

    /** Outcomes of applied or rejected changes, owning consumer to ingest-api. */
    public static final String CHANGE_OUTCOMES = "scim.change-outcomes.v1";

    /** Public user events, provisioner to downstream services. */
    public static final String USER_EVENTS = "users.events.v1";

    /** Public team events, team-sync to downstream services. */
    public static final String TEAM_EVENTS = "teams.events.v1";

    /**
     * Team-sync's private copy of {@link #USER_EVENTS}, into which its dead-lettered user events are replayed
     * (replaying into the public topic would show downstream consumers those events twice).
     */
    public static final String USER_EVENTS_REPLAY = "scim.user-events-replay.v1";

    /** Suffix of the dead-letter topic of a consumed topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The dead-letter topic of a record consumed from {@code topic}: replayed user events share the public one's. */
    public static String deadLetterOfConsumed(String topic) {
        return deadLetter(USER_EVENTS_REPLAY.equals(topic) ? USER_EVENTS : topic);
    }

    /** Where the dead letters of {@code topic} are replayed to. */
    public static String replayTarget(String topic) {
        return USER_EVENTS.equals(topic) ? USER_EVENTS_REPLAY : topic;
    }

    /** The record key of a resource: workspace and resource id. */
    public static String key(String workspaceId, String resourceId) {
        return workspaceId + "/" + resourceId;
    }
}

package dev.scimflow.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to a team, as told to downstream services. */
public enum TeamEventType {

    CREATED("team.created"),
    RENAMED("team.renamed"),
    /** Attributes other than the name or the members changed (such as externalId). */
    UPDATED("team.updated"),
    MEMBER_ADDED("team.member.added"),
    MEMBER_REMOVED("team.member.removed"),
    /** The team and all its memberships are gone; no member events follow for them. */
    DELETED("team.deleted");

    private final String wire;

    TeamEventType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static TeamEventType fromWire(String wire) {
        for (TeamEventType type : values()) {
            if (type.wire.equals(wire)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown team event type '" + wire + "'");
    }
}

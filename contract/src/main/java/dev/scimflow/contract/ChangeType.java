package dev.scimflow.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of change a {@link ChangeEvent} asks for. */
public enum ChangeType {

    /** Create a user; the payload is the normalised SCIM user. */
    USER_CREATE("user.create"),
    /** Replace a user (PUT); the payload is the normalised SCIM user. */
    USER_REPLACE("user.replace"),
    /** Modify a user (PATCH); the payload is {@code {"Operations": [...]}} in canonical form. */
    USER_PATCH("user.patch"),
    /** Delete a user (Entra sends it; Okta never does); no payload. */
    USER_DELETE("user.delete"),
    /** Create a group (a team); the payload is the normalised SCIM group, members included. */
    GROUP_CREATE("group.create"),
    /** Replace a group's name and whole member list (PUT). */
    GROUP_REPLACE("group.replace"),
    /** Modify a group (PATCH); canonical operations, as for users. */
    GROUP_PATCH("group.patch"),
    /** Delete a group and its memberships. */
    GROUP_DELETE("group.delete");

    private final String wire;

    ChangeType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ChangeType fromWire(String wire) {
        for (ChangeType type : values()) {
            if (type.wire.equals(wire)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown change type '" + wire + "'");
    }
}

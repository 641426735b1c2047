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
    USER_DELETE("user.delete");

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

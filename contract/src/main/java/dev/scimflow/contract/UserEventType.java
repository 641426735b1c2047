package dev.scimflow.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to a user, as told to downstream services. */
public enum UserEventType {

    PROVISIONED("user.provisioned"),
    UPDATED("user.updated"),
    DEACTIVATED("user.deactivated"),
    REACTIVATED("user.reactivated"),
    DELETED("user.deleted");

    private final String wire;

    UserEventType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static UserEventType fromWire(String wire) {
        for (UserEventType type : values()) {
            if (type.wire.equals(wire)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown user event type '" + wire + "'");
    }
}

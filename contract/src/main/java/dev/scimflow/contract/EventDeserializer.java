package dev.scimflow.contract;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import tools.jackson.core.JacksonException;

/**
 * Reads one event type of this contract. A record that cannot be read throws {@link SerializationException},
 * which the consumers turn into a dead letter instead of retrying.
 */
public abstract class EventDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    protected EventDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return EventJson.MAPPER.readValue(data, type);
        }
        catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
            throw new SerializationException("unreadable " + type.getSimpleName() + " on " + topic, ex);
        }
    }

    /** Reads {@link ChangeEvent}s. */
    public static class ChangeEvents extends EventDeserializer<ChangeEvent> {
        public ChangeEvents() {
            super(ChangeEvent.class);
        }
    }

    /** Reads {@link ChangeOutcome}s. */
    public static class ChangeOutcomes extends EventDeserializer<ChangeOutcome> {
        public ChangeOutcomes() {
            super(ChangeOutcome.class);
        }
    }

    /** Reads {@link UserEvent}s. */
    public static class UserEvents extends EventDeserializer<UserEvent> {
        public UserEvents() {
            super(UserEvent.class);
        }
    }
}

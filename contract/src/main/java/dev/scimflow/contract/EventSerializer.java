package dev.scimflow.contract;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import tools.jackson.core.JacksonException;

/** Writes any event of this contract as UTF-8 JSON. */
public class EventSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        try {
            return EventJson.MAPPER.writeValueAsBytes(data);
        }
        catch (JacksonException ex) {
            throw new SerializationException("cannot serialise " + data.getClass().getSimpleName(), ex);
        }
    }
}

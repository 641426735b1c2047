package dev.scimflow.contract;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds producer records with the contract's headers. */
public final class Records {

    private Records() {
    }

    public static ProducerRecord<Object, Object> record(String topic, String workspaceId, String resourceId,
            String eventType, String eventId, String traceId, Object value) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, Topics.key(workspaceId, resourceId),
                value);
        record.headers().add(Headers.EVENT_ID, Headers.bytes(eventId));
        record.headers().add(Headers.EVENT_TYPE, Headers.bytes(eventType));
        record.headers().add(Headers.WORKSPACE_ID, Headers.bytes(workspaceId));
        if (traceId != null) {
            record.headers().add(Headers.TRACE_ID, Headers.bytes(traceId));
        }
        return record;
    }
}

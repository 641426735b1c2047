package dev.scimflow.contract;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;

/** Kafka record headers set on every event, so that tooling can route and trace without parsing values. */
public final class Headers {

    public static final String EVENT_ID = "scimflow-event-id";
    public static final String EVENT_TYPE = "scimflow-event-type";
    public static final String TRACE_ID = "scimflow-trace-id";
    public static final String WORKSPACE_ID = "scimflow-workspace-id";

    private Headers() {
    }

    public static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

package dev.scimflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void aChangeEventSurvivesTheWireWithItsTypeVersionAndIds() {
        ChangeEvent event = new ChangeEvent(ChangeType.USER_PATCH, ChangeEvent.SCHEMA_VERSION, "e1", "w1", "u1",
                Instant.parse("2026-01-02T03:04:05.678Z"), "t1", "Okta SCIM Client 1.0.0", 3L,
                EventJson.MAPPER.readTree("{\"Operations\":[]}"));

        byte[] bytes = new EventSerializer().serialize("topic", event);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"type\":\"user.patch\"")
                .contains("\"timestamp\":\"2026-01-02T03:04:05.678Z\"");
        assertThat(new EventDeserializer.ChangeEvents().deserialize("topic", bytes)).isEqualTo(event);
    }

    @Test
    void unknownFieldsAreIgnoredAndGarbageIsASerializationError() {
        byte[] withExtra = ("{\"type\":\"user.create\",\"schemaVersion\":1,\"eventId\":\"e\",\"workspaceId\":\"w\","
                + "\"resourceId\":\"r\",\"addedLater\":1}").getBytes(StandardCharsets.UTF_8);

        assertThat(new EventDeserializer.ChangeEvents().deserialize("t", withExtra).eventId()).isEqualTo("e");
        assertThatThrownBy(() -> new EventDeserializer.ChangeEvents().deserialize("t", "{".getBytes()))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> new EventDeserializer.ChangeEvents().deserialize("t", "{\"type\":\"x\"}".getBytes()))
                .isInstanceOf(SerializationException.class);
    }
}

package dev.scimflow.provisioner.users;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.scimflow.consumer.ChangeRelay;
import dev.scimflow.contract.ChangeEvent;
import dev.scimflow.contract.Topics;
import dev.scimflow.contract.UserEvent;
import dev.scimflow.provisioner.users.UserChanges.Applied;

/** Consumes user change events, each in its own Kafka transaction with its outcome and user event. */
@Component
class UserChangeListener {

    private final UserChanges changes;
    private final ChangeRelay relay;

    UserChangeListener(UserChanges changes, ChangeRelay relay) {
        this.changes = changes;
        this.relay = relay;
    }

    @KafkaListener(id = "user-changes", topics = Topics.USER_CHANGES, groupId = "${provisioner.group-id:provisioner}")
    void onChange(ConsumerRecord<String, ChangeEvent> record) {
        relay.handle(record, "User", (event, partition, offset) -> {
            Applied applied = changes.apply(event, partition, offset);
            UserEvent published = applied.event();
            return new ChangeRelay.Result(applied.outcome(), published == null ? List.of()
                    : List.of(new ChangeRelay.Published(Topics.USER_EVENTS, published.workspaceId(),
                            published.userId(), published.type().wire(), published.eventId(), published)));
        });
    }
}

package dev.scimflow.ingest.changes;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import dev.scimflow.contract.ChangeOutcome;
import dev.scimflow.contract.Topics;

/**
 * Reads the outcome topic for this instance. Its consumer group is unique to the instance (every instance must
 * see every outcome) and, having no committed offsets, starts at the end of the topic: outcomes from before this
 * instance started belong to requests it does not hold. Until partitions are assigned the instance reports
 * itself out of service, because the outcome of a write accepted before then could be missed.
 */
@Component("outcomes")
class OutcomeListener implements ConsumerSeekAware, HealthIndicator {

    private final ChangeGateway gateway;
    private volatile boolean assigned;

    OutcomeListener(ChangeGateway gateway) {
        this.gateway = gateway;
    }

    @KafkaListener(id = "outcomes", topics = Topics.CHANGE_OUTCOMES,
            groupId = "ingest-outcomes-${ingest.instance-id}", properties = {
                "auto.offset.reset=latest",
                "spring.deserializer.value.delegate.class=dev.scimflow.contract.EventDeserializer$ChangeOutcomes"})
    void onOutcome(ChangeOutcome outcome) {
        if (outcome != null) {
            gateway.complete(outcome);
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        assigned = true;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        assigned = false;
    }

    @Override
    public Health health() {
        return assigned ? Health.up().build() : Health.outOfService().withDetail("outcomes", "not assigned").build();
    }
}

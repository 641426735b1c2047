package dev.scimflow.ingest.changes;

import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import dev.scimflow.contract.Topics;
import dev.scimflow.ingest.IngestProperties;

/** Creates the topics ingest-api writes to and reads from when they are missing. */
@Configuration(proxyBeanMethods = false)
class Topology {

    @Bean
    KafkaAdmin.NewTopics ingestTopics(IngestProperties properties) {
        Optional<Short> replicas = Optional.of(properties.replicas()).filter(count -> count > 0);
        Optional<Integer> partitions = Optional.of(properties.partitions());
        return new KafkaAdmin.NewTopics(new NewTopic(Topics.USER_CHANGES, partitions, replicas),
                new NewTopic(Topics.GROUP_CHANGES, partitions, replicas),
                new NewTopic(Topics.CHANGE_OUTCOMES, partitions, replicas));
    }
}

package dev.scimflow.teamsync.kafka;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

import dev.scimflow.consumer.ConsumerProperties;
import dev.scimflow.consumer.ConsumerSupport;
import dev.scimflow.contract.Topics;

/** Team-sync's topics, and the failure path shared with the provisioner. */
@Configuration(proxyBeanMethods = false)
@Import(ConsumerSupport.class)
class KafkaSetup {

    @Bean
    KafkaAdmin.NewTopics teamSyncTopics(ConsumerProperties properties) {
        return new KafkaAdmin.NewTopics(
                ConsumerSupport.topic(Topics.GROUP_CHANGES, properties),
                ConsumerSupport.topic(Topics.deadLetter(Topics.GROUP_CHANGES), properties),
                ConsumerSupport.topic(Topics.USER_EVENTS, properties),
                ConsumerSupport.topic(Topics.deadLetter(Topics.USER_EVENTS), properties),
                ConsumerSupport.topic(Topics.USER_EVENTS_REPLAY, properties),
                ConsumerSupport.topic(Topics.CHANGE_OUTCOMES, properties),
                ConsumerSupport.topic(Topics.TEAM_EVENTS, properties));
    }
}

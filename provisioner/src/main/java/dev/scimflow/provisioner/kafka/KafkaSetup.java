package dev.scimflow.provisioner.kafka;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

import dev.scimflow.consumer.ConsumerProperties;
import dev.scimflow.consumer.ConsumerSupport;
import dev.scimflow.contract.Topics;

/** The provisioner's topics, and the failure path shared with team-sync. */
@Configuration(proxyBeanMethods = false)
@Import(ConsumerSupport.class)
class KafkaSetup {

    @Bean
    KafkaAdmin.NewTopics provisionerTopics(ConsumerProperties properties) {
        return new KafkaAdmin.NewTopics(
                ConsumerSupport.topic(Topics.USER_CHANGES, properties),
                ConsumerSupport.topic(Topics.deadLetter(Topics.USER_CHANGES), properties),
                ConsumerSupport.topic(Topics.CHANGE_OUTCOMES, properties),
                ConsumerSupport.topic(Topics.USER_EVENTS, properties));
    }
}

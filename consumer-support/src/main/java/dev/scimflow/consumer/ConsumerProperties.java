package dev.scimflow.consumer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a change consumer ({@code consumer.*}), the same for the provisioner and team-sync.
 *
 * @param partitions       partitions of the topics the service creates when they are missing
 * @param replicas         replication factor of those topics; -1 takes the broker's default
 * @param retryAttempts    attempts after the first for a failure that is neither an outage nor poison
 * @param retryInitial     first backoff of those retries, doubled each time
 * @param outageBackoffMax the longest pause between attempts while the store or the broker is unreachable
 * @param storeTimeout     how long a MongoDB operation waits for a reachable server before it fails and is retried
 */
@ConfigurationProperties("consumer")
public record ConsumerProperties(
        @DefaultValue("6") int partitions,
        @DefaultValue("-1") short replicas,
        @DefaultValue("4") int retryAttempts,
        @DefaultValue("200ms") Duration retryInitial,
        @DefaultValue("30s") Duration outageBackoffMax,
        @DefaultValue("5s") Duration storeTimeout) {
}

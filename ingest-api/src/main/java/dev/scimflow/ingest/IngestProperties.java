package dev.scimflow.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of ingest-api ({@code ingest.*}).
 *
 * @param writeTimeout   how long a write waits for its outcome before answering 503 (Okta gives up after 60 s)
 * @param retryAfter     the {@code Retry-After} of that 503
 * @param maxPageSize    the largest {@code count} of a list request; larger counts are lowered to it
 * @param bootstrapToken a SCIM token for the default workspace, set at start-up ({@code SCIM_BOOTSTRAP_TOKEN})
 * @param adminApiKey    the admin API's credential ({@code ADMIN_API_KEY}); without it the admin API is off
 * @param rateLimit      requests a workspace may send per {@code rateLimitPeriod} to one instance
 * @param rateLimitPeriod the period of {@code rateLimit}
 * @param storeTimeout   how long a MongoDB operation waits for a reachable server before failing (503)
 * @param partitions     partitions of the topics this service creates when they are missing
 * @param replicas       replication factor of those topics; -1 takes the broker's default
 */
@ConfigurationProperties("ingest")
public record IngestProperties(
        @DefaultValue("10s") Duration writeTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("200") int maxPageSize,
        String bootstrapToken,
        String adminApiKey,
        @DefaultValue("100") int rateLimit,
        @DefaultValue("1s") Duration rateLimitPeriod,
        @DefaultValue("5s") Duration storeTimeout,
        @DefaultValue("6") int partitions,
        @DefaultValue("-1") short replicas) {
}

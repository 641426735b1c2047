package dev.scimflow.ingest.workspaces;

import java.time.Duration;

import org.springframework.stereotype.Component;

import dev.scimflow.ingest.IngestProperties;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

/**
 * Per-workspace request limits, so that one workspace's bulk import cannot starve the others. A request over the
 * limit is refused at once (no waiting), and answered 429 with {@code Retry-After}.
 *
 * <p>Note that the limits are per ingest-api instance: with N instances a workspace may send up to N times the
 * limit in all.
 */
@Component
class RateLimits {

    private final RateLimiterRegistry registry;
    private final long retryAfterSeconds;

    RateLimits(IngestProperties properties) {
        Duration period = properties.rateLimitPeriod();
        this.registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(properties.rateLimit())
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build());
        this.retryAfterSeconds = Math.max(1, (period.toMillis() + 999) / 1000);
    }

    /** Takes a permit for the workspace; false when it is over its limit. */
    boolean tryAcquire(String workspaceId) {
        RateLimiter limiter = registry.rateLimiter(workspaceId);
        return limiter.acquirePermission();
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

package dev.scimflow.ingest;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** MongoDB client settings: fail fast (then answer 503) instead of holding a request for the driver's 30 s. */
@Configuration(proxyBeanMethods = false)
class StoreSettings {

    @Bean
    MongoClientSettingsBuilderCustomizer storeTimeout(IngestProperties properties) {
        long millis = properties.storeTimeout().toMillis();
        return settings -> settings.applyToClusterSettings(cluster -> cluster
                .serverSelectionTimeout(millis, TimeUnit.MILLISECONDS));
    }
}

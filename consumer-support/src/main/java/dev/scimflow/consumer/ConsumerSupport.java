package dev.scimflow.consumer;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import dev.scimflow.contract.Topics;

/**
 * What both change consumers import: the body of their change listeners, the audit trail, and the failure
 * path of their listeners.
 *
 * <p>Listeners run in Kafka transactions, so a failure rolls back what they published and the
 * {@link AfterRollbackProcessor} decides: an unreachable store or broker is retried with a capped exponential
 * backoff for as long as it lasts (consumption pauses, nothing reaches the dead-letter topic); poison records go to
 * the dead-letter topic at once; anything else is retried a few times, then dead-lettered. Retries re-seek the
 * partition, so a key's events are never reordered.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsumerProperties.class)
public class ConsumerSupport {

    private static final Logger log = LoggerFactory.getLogger(ConsumerSupport.class);

    /** Fail fast while MongoDB is unreachable; the failure path then pauses and retries. */
    @Bean
    MongoClientSettingsBuilderCustomizer storeTimeout(ConsumerProperties properties) {
        long millis = properties.storeTimeout().toMillis();
        return settings -> settings.applyToClusterSettings(cluster -> cluster
                .serverSelectionTimeout(millis, TimeUnit.MILLISECONDS));
    }

    @Bean
    AuditLog auditLog(MongoOperations mongo) {
        return new AuditLog(mongo);
    }

    @Bean
    ChangeRelay changeRelay(AuditLog audit, KafkaTemplate<Object, Object> kafka) {
        return new ChangeRelay(audit, kafka);
    }

    @Bean
    AfterRollbackProcessor<Object, Object> changeFailureProcessor(KafkaTemplate<Object, Object> template,
            ConsumerProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(Topics.deadLetterOfConsumed(record.topic()), record.partition()));
        deadLetters.setFailIfSendResultIsError(true);
        ExponentialBackOff outage = new ExponentialBackOff(properties.retryInitial().toMillis(), 2.0);
        outage.setMaxInterval(properties.outageBackoffMax().toMillis());

        DefaultAfterRollbackProcessor<Object, Object> processor = new DefaultAfterRollbackProcessor<>(
                (record, ex) -> {
                    log.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                            reason(ex));
                    deadLetters.accept(record, ex);
                },
                bounded(properties), template, true);
        processor.addNotRetryableExceptions(PoisonEventException.class);
        processor.setBackOffFunction((record, ex) -> isOutage(ex) ? outage : null);
        return processor;
    }

    /** A topic with the configured partitions and replication. */
    public static NewTopic topic(String name, ConsumerProperties properties) {
        return new NewTopic(name, Optional.of(properties.partitions()), Optional.of(properties.replicas())
                .filter(replicas -> replicas > 0));
    }

    private static BackOff bounded(ConsumerProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitial().toMillis(), 2.0);
        backOff.setMaxAttempts(properties.retryAttempts());
        return backOff;
    }

    /** True for failures that say the store or the broker is unreachable, not that the record is bad. */
    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException || cause instanceof RetriableException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The failure's kind; only our own poison reasons are known to be free of personal data. */
    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof PoisonEventException ? root.getMessage() : root.getClass().getSimpleName();
    }
}

package dev.scimflow.ingest.deadletters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import dev.scimflow.contract.Headers;
import dev.scimflow.contract.Topics;
import dev.scimflow.scim.ScimException;

/**
 * The operator's view of the dead-letter topics: what waits there, and a replay that publishes every dead letter
 * not replayed yet back to the topic it came from, with its key and headers, once. The position of the replays is
 * kept as the committed offsets of one consumer group per topic.
 *
 * <p>Note that a replayed change is applied after the changes its resource received since; replaying is the
 * operator's decision, to be taken once the cause of the failure is fixed. Records that still fail are
 * dead-lettered again.
 */
@Component
class DeadLetters {

    /**
     * The topics whose dead letters can be listed and replayed. Team-sync's dead letters of the public user events
     * are replayed into its private copy of that topic, never into the public one (see {@link Topics#replayTarget}).
     */
    static final Set<String> TOPICS = Set.of(Topics.USER_CHANGES, Topics.GROUP_CHANGES, Topics.USER_EVENTS);
    static final String REPLAY_GROUP = "scimflow-dead-letter-replay";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration REPLAY_COMMIT_TIMEOUT = Duration.ofSeconds(60);
    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaProperties kafka;

    DeadLetters(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    /** A dead letter as an operator sees it: where it is, what it was, why it failed; never its payload. */
    record Entry(int partition, long offset, String key, Instant timestamp, String eventId, String eventType,
            String exception, String cause) {
    }

    /** The dead letters of a topic not replayed yet, oldest first, at most {@code limit}. */
    List<Entry> pending(String topic, int limit) {
        List<Entry> entries = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            read(consumer, topic, record -> {
                if (entries.size() < limit) {
                    entries.add(entry(record));
                }
            });
        }
        return entries;
    }

    /**
     * Publishes the dead letters not replayed yet back to their topic and moves the replay position past them, in
     * one Kafka transaction: all or nothing. The transactional id is fixed per topic, so a second replay running
     * at the same time (another instance) fences the first instead of publishing the same records again.
     */
    synchronized int replay(String topic) {
        Map<String, Object> properties = kafka.buildProducerProperties();
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, REPLAY_GROUP + "-" + topic);
        // a replay may carry a backlog: give its commit the time it needs rather than report a false failure
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) REPLAY_COMMIT_TIMEOUT.toMillis());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new ByteArraySerializer()); KafkaConsumer<String, byte[]> consumer = consumer()) {
            producer.initTransactions();
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Map<TopicPartition, Long> end = read(consumer, topic, records::add);
            producer.beginTransaction();
            for (ConsumerRecord<String, byte[]> record : records) {
                producer.send(again(Topics.replayTarget(topic), record));
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            end.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
            log.info("replayed {} dead letters of {}", records.size(), topic);
            return records.size();
        }
        catch (TimeoutException ex) {
            log.warn("replay of the dead letters of {} timed out", topic);
            throw ScimException.unavailable("The replay timed out and may or may not have completed; list the dead"
                    + " letters to see which remain, then retry", 5);
        }
        catch (KafkaException ex) {
            log.warn("replay of the dead letters of {} failed: {}", topic, ex.getClass().getSimpleName());
            throw ScimException.unavailable("The replay did not complete and nothing was replayed; retry later", 5);
        }
    }

    private static ProducerRecord<String, byte[]> again(String topic, ConsumerRecord<String, byte[]> record) {
        ProducerRecord<String, byte[]> again = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                again.headers().add(header);
            }
        }
        return again;
    }

    private interface Sink {
        void accept(ConsumerRecord<String, byte[]> record);
    }

    /** Reads the dead letters after the replay position up to the current end; returns that end. */
    private static Map<TopicPartition, Long> read(KafkaConsumer<String, byte[]> consumer, String topic, Sink sink) {
        String deadLetters = Topics.deadLetter(topic);
        List<TopicPartition> partitions = consumer.partitionsFor(deadLetters).stream()
                .map(info -> new TopicPartition(deadLetters, info.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata position = committed.get(partition);
            if (position == null) {
                consumer.seekToBeginning(List.of(partition));
            }
            else {
                consumer.seek(partition, position.offset());
            }
        }
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    sink.accept(record);
                }
            }
        }
        return end;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> properties = kafka.buildConsumerProperties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, REPLAY_GROUP);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Entry entry(ConsumerRecord<String, byte[]> record) {
        return new Entry(record.partition(), record.offset(), record.key(), Instant.ofEpochMilli(record.timestamp()),
                Headers.text(record.headers().lastHeader(Headers.EVENT_ID)),
                Headers.text(record.headers().lastHeader(Headers.EVENT_TYPE)),
                Headers.text(record.headers().lastHeader(DLT_HEADER_PREFIX + "exception-fqcn")),
                Headers.text(record.headers().lastHeader(DLT_HEADER_PREFIX + "exception-cause-fqcn")));
    }
}

package io.relaysms.api.kafka;

import io.relaysms.config.DurationSetting;
import io.relaysms.topics.ClusterRefusal;
import io.relaysms.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of one topic into a local view, on its own thread, for as long as it runs: no consumer
 * group, no committed offsets (each instance holds the whole view, rebuilt from Kafka on every start). It starts at
 * the beginning or at a point in time, and {@link #start} returns once it has read up to the end offsets the topic
 * had when it began, so the view is complete before the API serves from it. Reads committed records only: what an
 * aborted transaction wrote never reaches the view. A record that cannot be decoded is logged and skipped (the view
 * is advisory; the topic stays the truth).
 */
public final class TopicFollower<V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

    private final String name;
    private final KafkaConsumer<String, V> consumer;
    private final BiConsumer<String, V> apply;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;
    /** The end offsets when following began: reading up to them makes the view complete. */
    private Map<TopicPartition, Long> targets = Map.of();

    private TopicFollower(String name, KafkaConsumer<String, V> consumer, BiConsumer<String, V> apply) {
        this.name = name;
        this.consumer = consumer;
        this.apply = apply;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /**
     * @param from where to begin: empty for the beginning, or the earliest record timestamp wanted
     */
    public static <V> TopicFollower<V> start(String name, Properties consumerProperties, Topic<String, V> topic,
                                             Optional<Instant> from, BiConsumer<String, V> apply, Duration readyTimeout) {
        Properties p = new Properties();
        p.putAll(consumerProperties);
        p.remove("group.id");
        p.put("enable.auto.commit", "false");
        p.put("isolation.level", "read_committed");
        p.put("client.id", name);
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        TopicFollower<V> follower = new TopicFollower<>(name, consumer, apply);
        try {
            follower.position(topic.name(), from, readyTimeout);
        } catch (RuntimeException e) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
            throw new IllegalStateException(name + " cannot read " + topic.name() + ": " + e.getMessage(), e);
        }
        follower.thread.start();
        follower.awaitCaughtUp(readyTimeout, topic.name());
        return follower;
    }

    private void position(String topic, Optional<Instant> from, Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        if (from.isPresent()) {
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(tp -> times.put(tp, from.get().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times, timeout);
            offsets.forEach((tp, offset) -> {
                if (offset != null) {
                    consumer.seek(tp, offset.offset());
                } else {
                    consumer.seekToEnd(List.of(tp)); // nothing that recent in this partition
                }
            });
        }
        targets = consumer.endOffsets(partitions, timeout);
    }

    private void run() {
        try {
            checkCaughtUp();
            while (running) {
                try {
                    for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                        apply.accept(record.key(), record.value());
                    }
                } catch (RecordDeserializationException e) {
                    log.warn("{}: skipping unreadable record at {} offset {}: {}", name, e.topicPartition(), e.offset(),
                            e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
                checkCaughtUp();
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
            log.error("{}: stopped following its topic", name, e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    private void checkCaughtUp() {
        if (caughtUp.getCount() > 0 && targets.entrySet().stream()
                .allMatch(target -> consumer.position(target.getKey()) >= target.getValue())) {
            caughtUp.countDown();
        }
    }

    private void awaitCaughtUp(Duration timeout, String topic) {
        try {
            if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException(name + " did not finish reading " + topic + " within " + DurationSetting.format(timeout)
                        + (failure == null ? "" : ": " + ClusterRefusal.explain(failure, failure.getMessage())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while " + name + " read " + topic, e);
        }
    }

    /** Whether the follower is still reading (false once it failed or was closed). */
    public boolean isHealthy() {
        return running && failure == null && thread.isAlive();
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

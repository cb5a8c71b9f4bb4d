package io.relaysms.tracker.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one subscriber: its own consumer group reads the topics it subscribed to, hands each event to its
 * {@link DeliveryAttempts} and commits only offsets whose events are done ({@link OffsetTracker}), so delivery is at
 * least once across restarts. With {@code maxInFlight} events unfinished it pauses its consumer until half have
 * finished: a slow or dead subscriber holds back its own reading and nothing else.
 */
final class SubscriberPump implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SubscriberPump.class);

    private final WebhookSubscription subscription;
    private final Consumer<String, byte[]> consumer;
    private final WebhookEvents events;
    private final int maxInFlight;
    private final OffsetTracker offsets = new OffsetTracker();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final DeliveryAttempts attempts;
    private final WebhookMetrics metrics;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean paused;

    SubscriberPump(SubscriberSetup setup, Consumer<String, byte[]> consumer, WebhookEvents events) {
        this.subscription = setup.subscription();
        this.consumer = consumer;
        this.events = events;
        this.maxInFlight = setup.maxInFlight();
        this.metrics = new WebhookMetrics(setup.registry(), subscription.name(), inFlight::get);
        this.attempts = new DeliveryAttempts(subscription, setup.sender(), setup.backoff(), setup.deadLetters(), setup.clock(),
                metrics, this::done);
        this.thread = new Thread(this::run, "webhook-" + subscription.name() + "-consumer");
    }

    void start() {
        thread.start();
    }

    String name() {
        return subscription.name();
    }

    /** Whether the consumer loop still runs (it stops only on close or on an error it cannot handle). */
    boolean alive() {
        return thread.isAlive();
    }

    int inFlight() {
        return inFlight.get();
    }

    private void run() {
        consumer.subscribe(events.topicsFor(subscription), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                commit(true);
                offsets.forget(revoked);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
                log.info("webhook {}: reading {}", subscription.name(), assigned);
            }
        });
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    accept(record);
                }
                commit(false);
                flowControl();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("webhook {}: the consumer stopped; its events wait in Kafka until a restart", subscription.name(), e);
        } finally {
            try {
                commit(true);
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        offsets.started(partition, record.offset());
        Optional<WebhookEvents.Event> event;
        try {
            event = events.eventOf(record);
        } catch (RuntimeException e) {
            log.error("webhook {}: record {}-{}@{} cannot be read and is not delivered (it stays in its topic): {}",
                    subscription.name(), record.topic(), record.partition(), record.offset(), e.getMessage());
            metrics.undecodable();
            offsets.finished(partition, record.offset());
            return;
        }
        if (event.isEmpty()) {
            metrics.skipped();
            offsets.finished(partition, record.offset());
            return;
        }
        inFlight.incrementAndGet();
        attempts.start(new Delivery(partition, record.offset(), event.get().id(), event.get().body(),
                Instant.ofEpochMilli(record.timestamp())));
    }

    private void done(Delivery delivery) {
        offsets.finished(delivery.partition(), delivery.offset());
        inFlight.decrementAndGet();
    }

    private void commit(boolean wait) {
        Map<TopicPartition, OffsetAndMetadata> ready = offsets.committable();
        if (ready.isEmpty()) {
            return;
        }
        if (wait) {
            try {
                consumer.commitSync(ready, Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.warn("webhook {}: final commit failed ({}); the events are delivered again after a restart",
                        subscription.name(), e.getMessage());
            }
        } else {
            consumer.commitAsync(ready, (committed, error) -> {
                if (error != null) {
                    log.warn("webhook {}: commit failed ({}); the events are delivered again after a restart",
                            subscription.name(), error.getMessage());
                }
            });
        }
    }

    private void flowControl() {
        int unfinished = inFlight.get();
        if (!paused && unfinished >= maxInFlight) {
            consumer.pause(consumer.assignment());
            paused = true;
        } else if (paused && unfinished <= maxInFlight / 2) {
            consumer.resume(consumer.paused());
            paused = false;
        } else if (paused) {
            consumer.pause(consumer.assignment());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        attempts.close();
    }
}

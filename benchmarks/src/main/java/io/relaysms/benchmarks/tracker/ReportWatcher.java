package io.relaysms.benchmarks.tracker;

import io.relaysms.schemas.DeliveryReport;
import io.relaysms.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads sms-delivery-reports as a downstream consumer does (read_committed) and times each report against the moment
 * its message's last receipt was sent, taken from {@code lastReceiptSent} (same JVM, nanoTime).
 */
final class ReportWatcher implements AutoCloseable {

    private final KafkaConsumer<String, DeliveryReport> consumer;
    private final Map<String, Long> lastReceiptSent;
    private final Thread thread;
    private final AtomicInteger reports = new AtomicInteger();
    private final AtomicLong lastReportAt = new AtomicLong();
    private volatile Latencies latencies = new Latencies(0);
    private volatile boolean running = true;

    ReportWatcher(String bootstrapServers, Topic<String, DeliveryReport> topic, Map<String, Long> lastReceiptSent) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", "report-watcher-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), topic.valueSerde().deserializer());
        this.lastReceiptSent = lastReceiptSent;
        consumer.subscribe(List.of(topic.name()));
        this.thread = new Thread(this::run, "report-watcher");
        thread.start();
    }

    /** Starts a new phase: counts from zero and times into a fresh set of latencies. */
    void phase(int expected) {
        latencies = new Latencies(expected);
        reports.set(0);
    }

    int reports() {
        return reports.get();
    }

    long lastReportNanos() {
        return lastReportAt.get();
    }

    Latencies latencies() {
        return latencies;
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<String, DeliveryReport> record : consumer.poll(Duration.ofMillis(50))) {
                long now = System.nanoTime();
                Long sent = lastReceiptSent.remove(record.key());
                if (sent != null) {
                    latencies.add(now - sent);
                }
                lastReportAt.set(now);
                reports.incrementAndGet();
            }
        }
        consumer.close();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }

    static Map<String, Long> sentTimes() {
        return new ConcurrentHashMap<>();
    }
}

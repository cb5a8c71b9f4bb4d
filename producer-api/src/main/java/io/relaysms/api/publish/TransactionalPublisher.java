package io.relaysms.api.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.relaysms.config.DurationSetting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each request's records all-or-nothing, and answers only after the broker has them: a group commit.
 *
 * <p>Requests queue here; each of a few <em>lanes</em> (one thread, one transactional producer) takes every request
 * waiting, writes their records in one Kafka transaction (idempotent producer, acks=all), commits, and only then
 * completes their futures, so the API answers 202 after the records are durable. A request is never split between
 * transactions, so consumers reading {@code read_committed} (every Relay consumer) see all of a request's records
 * or none: a request that failed can be retried without duplicating part of it. While one lane commits, the next
 * gathers the requests that arrived meanwhile, so throughput grows with load instead of paying one commit per
 * request.
 *
 * <p>Failures are bounded in time: a request waits at most the publish timeout. A lane whose sends fail, or that
 * runs past a request's deadline before committing, never commits: it fails the batch at once (the API answers 503
 * with Retry-After) and discards its producer; the next producer with the same transactional id fences it and aborts
 * the open transaction. Only a commit that the broker does not answer leaves the outcome open; that case is reported
 * as such ({@link PublishFailedException#outcomeKnown()}), and the deterministic messageIds of repeatable requests
 * keep a retry from sending twice.
 */
public final class TransactionalPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransactionalPublisher.class);

    private final BlockingQueue<PendingPublish> queue;
    private final List<PublishLane> lanes = new ArrayList<>();
    private final Duration timeout;
    private final Counter rejectedWhenFull;
    /** The last batch's failure, or null when the last batch (of any lane) committed. */
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final ExecutorService completions;

    /**
     * @param producerProperties  producer settings without transactional.id (each lane adds its own)
     * @param transactionalIdBase lanes use {@code <base>-<lane>}; stable across restarts of one instance
     * @param timeout             longest a request may wait for its commit
     * @param maxBatchRecords     most records in one transaction
     * @param readyTimeout        how long every lane may take to initialise its transactions before this fails
     */
    public TransactionalPublisher(Properties producerProperties, String transactionalIdBase, int lanes, Duration timeout,
                                  int maxBatchRecords, MeterRegistry metrics, Duration readyTimeout) {
        this.timeout = timeout;
        this.queue = new ArrayBlockingQueue<>(Math.max(1000, maxBatchRecords * 4));
        this.rejectedWhenFull = Counter.builder("relay.api.publish.rejected").description("requests refused because the "
                + "publish queue was full").register(metrics);
        Timer commits = Timer.builder("relay.api.publish.commit").description("time to write and commit one transaction")
                .publishPercentiles(0.5, 0.99).register(metrics);
        DistributionSummary batchSizes = DistributionSummary.builder("relay.api.publish.batch.records")
                .description("records per transaction").register(metrics);
        this.completions = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
            Thread thread = new Thread(runnable, "relay-api-publish-completions");
            thread.setDaemon(true);
            return thread;
        });
        for (int lane = 0; lane < lanes; lane++) {
            this.lanes.add(new PublishLane(transactionalIdBase + "-" + lane, producerProperties(producerProperties, timeout),
                    queue, maxBatchRecords, commits, batchSizes, lastFailure, completions));
        }
        this.lanes.forEach(PublishLane::start);
        awaitReady(readyTimeout);
    }

    private void awaitReady(Duration readyTimeout) {
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        try {
            for (PublishLane lane : lanes) {
                if (!lane.ready.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    close();
                    String failure = lastFailure.get();
                    throw new IllegalStateException("Kafka transactions could not be initialised within "
                            + DurationSetting.format(readyTimeout) + " (" + lane.status()
                            + (failure == null ? "; is the cluster up and does it allow transactions?)" : "; " + failure + ")"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while initialising Kafka transactions", e);
        }
    }

    /**
     * Producer timeouts derived from the publish timeout T, so that a lane gives up (and a request is answered)
     * within it: waiting for metadata and the commit get T/4 each (max.block.ms), the writes T/2 (request and delivery
     * timeouts; shorter would make a slow but healthy broker look dead and retry needlessly). Larger batches than the
     * default, because one sender's records all go to one partition, and a short retry backoff (see below).
     */
    static Properties producerProperties(Properties base, Duration timeout) {
        long quarter = Math.max(250, timeout.toMillis() / 4);
        Properties p = new Properties();
        p.putAll(base);
        p.putIfAbsent("batch.size", String.valueOf(256 * 1024));
        // Back-to-back transactions meet CONCURRENT_TRANSACTIONS while the previous one's markers are written; the
        // default 100 ms backoff would then set the pace of every commit.
        p.putIfAbsent("retry.backoff.ms", "5");
        p.putIfAbsent("retry.backoff.max.ms", "100");
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("max.block.ms", String.valueOf(quarter));
        p.put("request.timeout.ms", String.valueOf(2 * quarter));
        long linger = Long.parseLong(String.valueOf(p.getOrDefault("linger.ms", "0")));
        p.put("delivery.timeout.ms", String.valueOf(2 * quarter + linger));
        p.put("transaction.timeout.ms", String.valueOf(Math.max(10_000, timeout.toMillis() * 3)));
        return p;
    }

    /** Queues a request's records; the future completes once they are committed (or fails with PublishFailedException). */
    public CompletableFuture<Void> publish(List<ProducerRecord<byte[], byte[]>> records) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (records.isEmpty()) {
            done.complete(null);
            return done;
        }
        PendingPublish pending = new PendingPublish(List.copyOf(records), done, System.nanoTime() + timeout.toNanos());
        if (!queue.offer(pending)) {
            rejectedWhenFull.increment();
            done.completeExceptionally(new PublishFailedException("the API is taking more requests than the broker "
                    + "absorbs; nothing was written", true, null));
        }
        return done;
    }

    /** Healthy unless the most recent transaction failed; the next one that commits makes it healthy again. */
    public boolean isHealthy() {
        return lastFailure.get() == null;
    }

    public String healthDetail() {
        String failure = lastFailure.get();
        return (failure == null ? "last transaction committed" : "last transaction failed: " + failure) + " ("
                + lanes.stream().map(PublishLane::status).reduce((a, b) -> a + "; " + b).orElse("no lanes") + ")";
    }

    @Override
    public void close() {
        lanes.forEach(PublishLane::stop);
        for (PublishLane lane : lanes) {
            lane.join(timeout.plusSeconds(5));
        }
        List<PendingPublish> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done().completeExceptionally(new PublishFailedException("the API is shutting down; nothing "
                + "was written", true, null)));
        completions.shutdown();
        try {
            completions.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("publisher closed");
    }

    static long remainingMillis(long deadlineNanos) {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }
}

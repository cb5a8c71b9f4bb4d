package io.relaysms.api.publish;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.relaysms.topics.ClusterRefusal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread and one transactional producer of the {@link TransactionalPublisher}: takes the waiting requests,
 * writes them in one transaction, commits, answers. The producer is touched by this thread only, as the Kafka
 * transactional API requires. See the publisher for the guarantees; this class holds the state machine:
 * no producer → (initTransactions) → ready → (begin, send, flush, commit) → ready, and any failure → no producer.
 */
final class PublishLane {

    private static final Logger log = LoggerFactory.getLogger(PublishLane.class);

    private final String transactionalId;
    private final Properties properties;
    private final BlockingQueue<PendingPublish> queue;
    private final int maxBatchRecords;
    private final Timer commits;
    private final DistributionSummary batchSizes;
    private final long commitBudgetNanos;
    private final Thread thread;
    private KafkaProducer<byte[], byte[]> producer;
    private PendingPublish carried;
    private volatile boolean running = true;
    private final AtomicReference<String> lastFailure;
    /** Where request futures complete: their continuations (rendering, TLS writes) must not hold up the lane. */
    private final Executor completions;

    PublishLane(String transactionalId, Properties producerProperties, BlockingQueue<PendingPublish> queue,
                int maxBatchRecords, Timer commits, DistributionSummary batchSizes, AtomicReference<String> lastFailure,
                Executor completions) {
        this.lastFailure = lastFailure;
        this.completions = completions;
        this.transactionalId = transactionalId;
        this.properties = new Properties();
        this.properties.putAll(producerProperties);
        this.properties.put("transactional.id", transactionalId);
        this.properties.put("client.id", transactionalId);
        this.queue = queue;
        this.maxBatchRecords = maxBatchRecords;
        this.commits = commits;
        this.batchSizes = batchSizes;
        // A commit may block up to max.block.ms; it is only started when that much time is left before every deadline.
        this.commitBudgetNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(properties.getProperty("max.block.ms")));
        this.thread = new Thread(this::run, "relay-api-publisher-" + transactionalId);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
    }

    void join(Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String status() {
        return transactionalId + (producer == null && ready.getCount() > 0 ? ": initialising" : ": running");
    }

    /** Completed once the lane's first producer has initialised its transactions, so the API starts able to commit. */
    final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);

    private void run() {
        try {
            initialise();
            while (running) {
                List<PendingPublish> batch = gather();
                if (!batch.isEmpty()) {
                    commit(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (carried != null) {
                carried.done().completeExceptionally(new PublishFailedException("the API is shutting down; nothing was "
                        + "written", true, null));
            }
            discardProducer(Duration.ofSeconds(5));
        }
    }

    /** Retries until transactions can start: the first InitProducerId of a fresh cluster waits for its transaction log. */
    private void initialise() throws InterruptedException {
        while (running && producer == null) {
            try {
                ensureProducer();
            } catch (RuntimeException e) {
                lastFailure.set("cannot initialise transactions yet: " + ClusterRefusal.explain(e, e.getMessage()));
                log.debug("{}: {}", transactionalId, e.getMessage());
                Thread.sleep(100); // back off between attempts; each attempt itself waits up to max.block.ms
            }
        }
        ready.countDown();
    }

    /** Every request waiting, up to the record limit; a request that does not fit waits for the next batch whole. */
    private List<PendingPublish> gather() throws InterruptedException {
        List<PendingPublish> batch = new ArrayList<>();
        PendingPublish first = carried != null ? carried : queue.poll(100, TimeUnit.MILLISECONDS);
        carried = null;
        if (first == null) {
            return batch;
        }
        batch.add(first);
        int records = first.records().size();
        PendingPublish next;
        while (records < maxBatchRecords && (next = queue.poll()) != null) {
            if (records + next.records().size() > maxBatchRecords) {
                carried = next;
                break;
            }
            batch.add(next);
            records += next.records().size();
        }
        return batch;
    }

    private void commit(List<PendingPublish> waiting) {
        List<PendingPublish> batch = new ArrayList<>();
        for (PendingPublish pending : waiting) {
            if (pending.deadlineNanos() - System.nanoTime() <= commitBudgetNanos) {
                PublishFailedException late = new PublishFailedException("the broker did not take the records in time; "
                        + "nothing was written", true, null);
                completions.execute(() -> pending.done().completeExceptionally(late));
            } else {
                batch.add(pending);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        long latestCommitStart = batch.stream().mapToLong(PendingPublish::deadlineNanos).min().orElseThrow() - commitBudgetNanos;
        long begin = System.nanoTime();
        int records = 0;
        try {
            ensureProducer();
            producer.beginTransaction();
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (PendingPublish pending : batch) {
                for (ProducerRecord<byte[], byte[]> record : pending.records()) {
                    // send() waits up to max.block.ms for metadata and then returns an already failed future rather
                    // than throwing: stop at the first such failure, or 100 records would wait 100 times.
                    Future<RecordMetadata> sent = producer.send(record);
                    if (sent.isDone()) {
                        sent.get();
                    }
                    if (System.nanoTime() > latestCommitStart) {
                        throw new java.util.concurrent.TimeoutException("the broker took too long to accept the records");
                    }
                    sends.add(sent);
                }
            }
            records = sends.size();
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
            if (System.nanoTime() > latestCommitStart) {
                throw new java.util.concurrent.TimeoutException("writing took until too close to the requests' deadline to commit");
            }
        } catch (Exception e) {
            fail(batch, new PublishFailedException("the broker did not take the records: " + rootMessage(e)
                    + "; nothing was written", true, e));
            return;
        }
        try {
            producer.commitTransaction();
        } catch (Exception e) {
            fail(batch, new PublishFailedException("the broker did not confirm the commit: " + rootMessage(e)
                    + "; the records may still appear, all together", false, e));
            return;
        }
        commits.record(System.nanoTime() - begin, TimeUnit.NANOSECONDS);
        batchSizes.record(records);
        lastFailure.set(null);
        batch.forEach(pending -> completions.execute(() -> pending.done().complete(null)));
    }

    private void ensureProducer() {
        if (producer != null) {
            return;
        }
        KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
        try {
            // Fences any earlier producer with this transactional id and aborts what it left open.
            created.initTransactions();
        } catch (RuntimeException e) {
            created.close(Duration.ZERO);
            throw e;
        }
        producer = created;
    }

    private void fail(List<PendingPublish> batch, PublishFailedException failure) {
        lastFailure.set(failure.getMessage());
        log.warn("{}: {} request(s) not published: {}", transactionalId, batch.size(), failure.getMessage());
        batch.forEach(pending -> completions.execute(() -> pending.done().completeExceptionally(failure)));
        // Never abort in place (that too would wait for an unreachable broker): the next producer's
        // initTransactions aborts this transaction, or the coordinator does after transaction.timeout.ms.
        discardProducer(Duration.ZERO);
    }

    private void discardProducer(Duration wait) {
        if (producer != null) {
            try {
                producer.close(wait);
            } catch (RuntimeException e) {
                log.debug("{}: closing the producer: {}", transactionalId, e.getMessage());
            }
            producer = null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }
}

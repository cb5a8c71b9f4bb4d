package io.relaysms.dispatcher.dispatch;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the event transactions on their own thread ({@code event-committer}), one at a time, so that the
 * dispatch loop keeps reading, dispatching and collecting answers while the broker commits the previous batch
 * (a commit is several round trips). The loop hands over a batch with the offsets it covers and collects the
 * result on a later cycle; it never hands over a second batch before it has collected the first, so offsets are
 * committed in order and never ahead of their events. An aborted transaction is tried again with the same
 * batch a few times before the loop is told to start over.
 */
final class EventCommitter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventCommitter.class);
    private static final int ATTEMPTS = 5;

    /** A commit handed over: what it covered, for the loop's bookkeeping once it is done. */
    record Pending(Map<TopicPartition, OffsetAndMetadata> offsets, Future<EventTransactions.Written> result) {
    }

    private final EventTransactions transactions;
    private final ExecutorService thread;
    private final Runnable onDone;
    private final DispatcherMetrics metrics;
    private Pending pending;

    EventCommitter(EventTransactions transactions, Runnable onDone, DispatcherMetrics metrics) {
        this.transactions = transactions;
        this.onDone = onDone;
        this.metrics = metrics;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "event-committer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Loop thread: whether a commit was handed over and not collected yet, running or finished. Not "still running":
     * a commit finishing between the loop's {@link #collect} and this check would then let the loop start the next
     * one over an uncollected result (a worker failed that way under load and resent its in-flight messages).
     */
    boolean hasPending() {
        return pending != null;
    }

    /** Whether the pending commit has finished; for tests. */
    boolean pendingFinished() {
        return pending != null && pending.result().isDone();
    }

    /** Loop thread: starts committing; the previous commit must have been collected. */
    void start(EventTransactions.Batch batch, Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        if (pending != null) {
            throw new IllegalStateException("a commit is still pending");
        }
        pending = new Pending(offsets, thread.submit(() -> {
            try {
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    EventTransactions.Written written = transactions.commit(batch, offsets, group);
                    if (written != null) {
                        return written;
                    }
                    metrics.transactionsAborted.increment();
                    log.warn("an event transaction was aborted; trying the same batch again ({}/{})", attempt, ATTEMPTS);
                }
                throw new EventTransactions.FatalTransactionException("event transactions keep failing", null);
            } finally {
                onDone.run();
            }
        }));
    }

    /** Loop thread: the finished commit, once; null while none is finished. Rethrows a fatal failure. */
    Done collect(boolean wait) {
        if (pending == null || (!wait && !pending.result().isDone())) {
            return null;
        }
        Pending done = pending;
        pending = null;
        try {
            return new Done(done.offsets(), done.result().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventTransactions.FatalTransactionException("interrupted while committing events", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EventTransactions.FatalTransactionException fatal) {
                throw fatal;
            }
            throw new EventTransactions.FatalTransactionException("committing events failed: " + e.getCause(), e.getCause());
        }
    }

    /** A commit that went through. */
    record Done(Map<TopicPartition, OffsetAndMetadata> offsets, EventTransactions.Written written) {
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

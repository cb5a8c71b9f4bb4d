package io.relaysms.tracker.webhooks;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of a subscriber's partitions are safe to commit when deliveries finish out of order (one event waits
 * for a retry while later ones go through): per partition, the lowest offset still unfinished, or one past the
 * highest started when all are finished. A restart therefore re-delivers whatever was unfinished, never skips it.
 * Thread-safe: deliveries finish on HTTP and producer threads, commits happen on the consumer's thread.
 */
final class OffsetTracker {

    private static final class PartitionState {
        final TreeSet<Long> unfinished = new TreeSet<>();
        long highestStarted = -1;
        long committed = -1;
    }

    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();

    synchronized void started(TopicPartition partition, long offset) {
        PartitionState state = partitions.computeIfAbsent(partition, p -> new PartitionState());
        state.unfinished.add(offset);
        state.highestStarted = Math.max(state.highestStarted, offset);
    }

    /** Marks an offset done; ignored for a partition given up in a rebalance (its new owner delivers again). */
    synchronized void finished(TopicPartition partition, long offset) {
        PartitionState state = partitions.get(partition);
        if (state != null) {
            state.unfinished.remove(offset);
        }
    }

    /** Offsets to commit that moved since the last call. */
    synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> ready = new HashMap<>();
        partitions.forEach((partition, state) -> {
            long next = state.unfinished.isEmpty() ? state.highestStarted + 1 : state.unfinished.first();
            if (next > state.committed && next > 0) {
                state.committed = next;
                ready.put(partition, new OffsetAndMetadata(next));
            }
        });
        return ready;
    }

    synchronized void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }

    synchronized int unfinished() {
        return partitions.values().stream().mapToInt(s -> s.unfinished.size()).sum();
    }
}

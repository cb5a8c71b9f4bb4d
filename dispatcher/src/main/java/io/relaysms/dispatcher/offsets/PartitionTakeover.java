package io.relaysms.dispatcher.offsets;

import io.relaysms.schemas.DispatchEvent;
import io.relaysms.topics.Topic;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker needs to know about partitions of {@code sms-requests} it was just given: where their committed
 * offset is, and, from the events partition after the commit's {@link CommitMetadata#eventsFrom()}, which later
 * requests the previous owner already finished ({@link TakeoverScan}). Called from the rebalance callback.
 */
public final class PartitionTakeover {

    private static final Logger log = LoggerFactory.getLogger(PartitionTakeover.class);

    /** One partition taken over. */
    public record Taken(PartitionProgress progress, Set<String> doneMessageIds, Map<Long, Integer> attemptsSoFar,
                        Optional<Long> previousReadUpTo) {
    }

    private final Consumer<byte[], byte[]> requests;
    private final TakeoverScan scan;

    public PartitionTakeover(Consumer<byte[], byte[]> requests, Consumer<byte[], byte[]> scanConsumer,
                             Topic<String, DispatchEvent> events) {
        this.requests = requests;
        this.scan = new TakeoverScan(scanConsumer, events);
    }

    public Map<TopicPartition, Taken> takeOver(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = despiteWakeUp(() -> requests.committed(new HashSet<>(partitions)));
        Map<TopicPartition, Long> beginnings = despiteWakeUp(() -> requests.beginningOffsets(partitions));
        Map<TopicPartition, Taken> taken = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata commit = committed.get(tp);
            long start = commit == null ? beginnings.get(tp) : commit.offset();
            Optional<CommitMetadata> metadata = Optional.ofNullable(commit).flatMap(c -> CommitMetadata.decode(c.metadata()));
            long begin = System.nanoTime();
            TakeoverScan.Result result = scan.scan(tp.partition(), start, metadata.map(CommitMetadata::eventsFrom).orElse(-1L));
            PartitionProgress progress = new PartitionProgress(start, metadata.map(CommitMetadata::eventsFrom).orElse(0L),
                    result.eventsEnd(), result.doneOffsets());
            taken.put(tp, new Taken(progress, result.doneMessageIds(), result.attemptsSoFar(),
                    metadata.map(CommitMetadata::readUpTo)));
            log.info("took {} over at offset {}: {} events read in {} ms, {} later requests already done", tp, start,
                    result.eventsRead(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), result.doneOffsets().size());
        }
        return taken;
    }

    /**
     * Runs a blocking consumer call inside a rebalance callback, where a wake-up meant for the loop's poll (a
     * submit thread or the committer finished) must not abort the take-over half done.
     */
    private static <T> T despiteWakeUp(Supplier<T> call) {
        try {
            return call.get();
        } catch (WakeupException e) {
            return call.get();
        }
    }
}

package io.relaysms.dispatcher.offsets;

import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.DispatchOutcome;
import io.relaysms.topics.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker learns when it takes a partition of {@code sms-requests} over: it reads the same partition of
 * {@code sms-dispatch-events} (committed records only) from the committed {@link CommitMetadata#eventsFrom()}
 * to its end, and collects the requests at or after the committed offset that already have a final outcome.
 * Those are not sent again. The consumer given is assigned by hand and used by this scan alone.
 */
public final class TakeoverScan {

    private static final Logger log = LoggerFactory.getLogger(TakeoverScan.class);
    private static final Set<DispatchOutcome> FINAL = Set.of(DispatchOutcome.SUBMITTED, DispatchOutcome.REJECTED,
            DispatchOutcome.FAILED, DispatchOutcome.OPTED_OUT, DispatchOutcome.EXPIRED);

    /** The previous owners' finished work past the committed offset, and the events' end when read. */
    public record Result(Set<Long> doneOffsets, Set<String> doneMessageIds, Map<Long, Integer> attemptsSoFar,
                         long eventsEnd, long eventsRead) {
    }

    private final Consumer<byte[], byte[]> consumer;
    private final Topic<String, DispatchEvent> events;

    public TakeoverScan(Consumer<byte[], byte[]> consumer, Topic<String, DispatchEvent> events) {
        this.consumer = consumer;
        this.events = events;
    }

    public static boolean isFinal(DispatchOutcome outcome) {
        return FINAL.contains(outcome);
    }

    /**
     * @param partition       the partition number, the same in both topics
     * @param committedOffset requests before it are all finished
     * @param eventsFrom      where to start reading events, or -1 for the beginning
     */
    public Result scan(int partition, long committedOffset, long eventsFrom) {
        TopicPartition tp = new TopicPartition(events.name(), partition);
        consumer.assign(List.of(tp));
        if (eventsFrom < 0) {
            consumer.seekToBeginning(List.of(tp));
        } else {
            consumer.seek(tp, eventsFrom);
        }
        long end = consumer.endOffsets(List.of(tp)).get(tp);
        Set<Long> done = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Map<Long, Integer> attempts = new HashMap<>();
        long read = 0;
        while (consumer.position(tp) < end) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                read++;
                DispatchEvent event;
                try {
                    event = events.valueSerde().deserializer().deserialize(events.name(), record.value());
                } catch (RuntimeException e) {
                    log.warn("skipping an unreadable dispatch event at {}@{}: {}", tp, record.offset(), e.getMessage());
                    continue;
                }
                if (event == null || event.getSourcePartition() != partition || event.getSourceOffset() < committedOffset) {
                    continue;
                }
                if (isFinal(event.getOutcome())) {
                    done.add(event.getSourceOffset());
                    ids.add(event.getMessageId());
                } else {
                    attempts.merge(event.getSourceOffset(), event.getAttempt(), Math::max);
                }
            }
        }
        consumer.assign(List.of());
        return new Result(done, ids, attempts, end, read);
    }
}

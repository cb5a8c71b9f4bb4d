package io.relaysms.dispatcher.offsets;

import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * Which offsets of one owned {@code sms-requests} partition are finished, with out-of-order completion: a
 * throttled number's old message may still wait while later messages of other numbers are done. The offset to
 * commit is the lowest unfinished one (or the next to read when all are finished), so a crash never skips a
 * message; what is finished above it is found again by the next owner in {@code sms-dispatch-events}
 * ({@link TakeoverScan}). Used by the dispatch loop's thread only.
 *
 * <p>Each unfinished offset remembers how far the partition's events had been written when it was read (its
 * floor): events about it or anything after it can only be at or after that floor. While the committed offset is
 * not past every offset that the previous owner finished ahead of it, the floor stays where the take-over scan
 * started, so that the next owner learns about those too.
 */
public final class PartitionProgress {

    private final NavigableMap<Long, Long> unfinished = new TreeMap<>();
    private final Set<Long> doneByPreviousOwner;
    private final long scannedFrom;
    private final long lastDoneAhead;
    private long nextToRead;
    private long eventsEnd;
    private long lastCommitted = -1;

    /**
     * @param startOffset         the committed offset the partition is taken over at
     * @param scannedFrom         where the take-over scan of the events started
     * @param eventsEnd           where it ended
     * @param doneByPreviousOwner offsets at or after {@code startOffset} that already have a final event
     */
    public PartitionProgress(long startOffset, long scannedFrom, long eventsEnd, Set<Long> doneByPreviousOwner) {
        this.nextToRead = startOffset;
        this.scannedFrom = Math.max(0, scannedFrom);
        this.eventsEnd = eventsEnd;
        this.doneByPreviousOwner = new HashSet<>(doneByPreviousOwner);
        this.lastDoneAhead = doneByPreviousOwner.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    /** A partition nobody worked on before: no events to remember. */
    public PartitionProgress(long startOffset, long eventsEnd) {
        this(startOffset, eventsEnd, eventsEnd, Set.of());
    }

    /** Records that the offset was read and its work begins. */
    public void started(long offset) {
        unfinished.put(offset, eventsEnd);
        nextToRead = Math.max(nextToRead, offset + 1);
    }

    /** Records that the offset was read and needs no work (already done, unreadable and dead-lettered...). */
    public void skipped(long offset) {
        nextToRead = Math.max(nextToRead, offset + 1);
    }

    public void finished(long offset) {
        unfinished.remove(offset);
    }

    /** Whether the previous owner finished this offset (learnt at take-over); each answer is given once. */
    public boolean doneByPreviousOwner(long offset) {
        return doneByPreviousOwner.remove(offset);
    }

    /** Events up to this offset (exclusive) of the partition's events are known to be written. */
    public void eventsWrittenUpTo(long end) {
        eventsEnd = Math.max(eventsEnd, end);
    }

    /** Moves the reading position back (the rest of a fetched batch was given back to the log). */
    public void rewindTo(long offset) {
        nextToRead = offset;
    }

    public long committableOffset() {
        return unfinished.isEmpty() ? nextToRead : unfinished.firstKey();
    }

    /** The commit to make now, or null when nothing moved since the last one. */
    public OffsetAndMetadata commitIfMoved() {
        long offset = committableOffset();
        if (offset == lastCommitted) {
            return null;
        }
        return commit();
    }

    public OffsetAndMetadata commit() {
        long offset = committableOffset();
        Map.Entry<Long, Long> first = unfinished.firstEntry();
        long floor = first == null ? eventsEnd : first.getValue();
        if (offset <= lastDoneAhead) {
            floor = Math.min(floor, scannedFrom);
        }
        return new OffsetAndMetadata(offset, new CommitMetadata(floor, nextToRead).encode());
    }

    public void committed(OffsetAndMetadata commit) {
        lastCommitted = commit.offset();
    }

    public int unfinishedCount() {
        return unfinished.size();
    }
}

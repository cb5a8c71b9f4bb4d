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
 * floor): events about it or anything after it can only be at or after that floor.
 */
public final class PartitionProgress {

    private final NavigableMap<Long, Long> unfinished = new TreeMap<>();
    private final Set<Long> doneByPreviousOwner;
    private long nextToRead;
    private long eventsEnd;
    private long lastCommitted = -1;

    public PartitionProgress(long startOffset, long eventsFrom, Set<Long> doneByPreviousOwner) {
        this.nextToRead = startOffset;
        this.eventsEnd = eventsFrom;
        this.doneByPreviousOwner = new HashSet<>(doneByPreviousOwner);
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
        return new OffsetAndMetadata(offset, new CommitMetadata(floor, nextToRead).encode());
    }

    public void committed(OffsetAndMetadata commit) {
        lastCommitted = commit.offset();
    }

    public int unfinishedCount() {
        return unfinished.size();
    }
}

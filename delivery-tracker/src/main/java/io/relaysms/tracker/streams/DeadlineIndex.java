package io.relaysms.tracker.streams;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Things due at a time, in a key-value store ordered by time: keys are {@code <epoch millis, 19 digits>|<id>}, so
 * a range scan from the start to now finds exactly what is due, however many are pending. Kept in a changelogged
 * store like the state it schedules, so a restart forgets no deadline.
 *
 * <p>Every deadline taken or removed leaves a tombstone in RocksDB at the front of the time order until compaction
 * drops it, so a scan from time 0 stepped over all of them each time: under load, seeking there was an eighth of
 * the tracker's stream thread. The index remembers, in memory, the time below which nothing is pending (everything
 * due by the last complete scan was taken; an entry added earlier than that lowers it again) and scans from there.
 * A new instance (restart, rebalance) starts from 0, so nothing restored from the changelog is skipped.
 */
public final class DeadlineIndex {

    /** One entry: what is due ({@code id}) and when. */
    public record Due(long at, String id) {
    }

    private final KeyValueStore<String, String> store;
    /** Nothing pending is due before this time. */
    private long pendingFrom;

    public DeadlineIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    public void add(long at, String id) {
        store.put(key(at, id), id);
        pendingFrom = Math.min(pendingFrom, Math.max(0, at));
    }

    public void remove(long at, String id) {
        store.delete(key(at, id));
    }

    /** Removes and returns up to {@code max} entries due at or before {@code now}, earliest first. */
    public List<Due> takeDue(long now, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        List<Due> due = new ArrayList<>();
        if (now < pendingFrom) {
            return due;
        }
        try (KeyValueIterator<String, String> it = store.range(key(pendingFrom, ""), key(now, "\uffff"))) {
            while (it.hasNext() && due.size() < max) {
                KeyValue<String, String> entry = it.next();
                due.add(new Due(Long.parseLong(entry.key.substring(0, 19)), entry.value));
            }
        }
        due.forEach(d -> store.delete(key(d.at(), d.id())));
        // When max cut the scan short, more may be due at the last time taken; otherwise everything up to now is gone.
        pendingFrom = due.size() < max ? now + 1 : due.get(due.size() - 1).at();
        return due;
    }

    /** {@code <at, zero-padded to 19 digits>|<id>}; built by hand because String.format showed in profiles. */
    private static String key(long at, String id) {
        String digits = Long.toString(Math.max(0, at));
        StringBuilder key = new StringBuilder(20 + id.length());
        for (int i = digits.length(); i < 19; i++) {
            key.append('0');
        }
        return key.append(digits).append('|').append(id).toString();
    }
}

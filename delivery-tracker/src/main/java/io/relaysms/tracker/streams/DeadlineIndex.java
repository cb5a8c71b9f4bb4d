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
 */
public final class DeadlineIndex {

    /** One entry: what is due ({@code id}) and when. */
    public record Due(long at, String id) {
    }

    private final KeyValueStore<String, String> store;

    public DeadlineIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    public void add(long at, String id) {
        store.put(key(at, id), id);
    }

    public void remove(long at, String id) {
        store.delete(key(at, id));
    }

    /** Removes and returns up to {@code max} entries due at or before {@code now}, earliest first. */
    public List<Due> takeDue(long now, int max) {
        List<Due> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range(key(0, ""), key(now, "\uffff"))) {
            while (it.hasNext() && due.size() < max) {
                KeyValue<String, String> entry = it.next();
                due.add(new Due(Long.parseLong(entry.key.substring(0, 19)), entry.value));
            }
        }
        due.forEach(d -> store.delete(key(d.at(), d.id())));
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

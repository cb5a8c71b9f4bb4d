package io.relaysms.api.repeat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The repeatable messages accepted recently by any API instance: repeatability key to the fingerprint of the request
 * that carried it. It is filled from {@code sms-requests} (committed records only, see {@link SmsRequestsFollower}),
 * which makes it survive restarts and shared by every instance, and directly by this instance right after its own
 * commits, so a retry to the same instance is recognised before the record comes back from Kafka.
 *
 * <p>Entries live for the repeatability window after their first-sent time (an older first-sent is rejected before
 * the table is asked) and at most {@code maxEntries} are kept, oldest dropped first. Forgetting early costs only the
 * answer: a forgotten repeat is answered "accepted" and produced again with the same deterministic messageId, which
 * the dispatcher sends once. Thread-safe; each call holds one lock for a few hash-map operations.
 */
public final class RecentRequests {

    /** What is remembered of one accepted repeatable message. */
    public record Entry(long fingerprint, Instant firstSent) {
    }

    private final Duration window;
    private final Clock clock;
    private final LinkedHashMap<RepeatabilityKey, Entry> entries;

    public RecentRequests(Duration window, int maxEntries, Clock clock) {
        this.window = window;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<RepeatabilityKey, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public synchronized Optional<Entry> find(RepeatabilityKey key) {
        Entry entry = entries.get(key);
        if (entry != null && isExpired(entry, clock.instant())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.ofNullable(entry);
    }

    public synchronized void remember(RepeatabilityKey key, long fingerprint, Instant firstSent) {
        Instant now = clock.instant();
        Entry entry = new Entry(fingerprint, firstSent);
        if (!isExpired(entry, now)) {
            entries.putIfAbsent(key, entry);
        }
        dropExpiredHead(now);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Entries arrive roughly in time order, so expired ones gather at the head; stop at the first live one. */
    private void dropExpiredHead(Instant now) {
        Iterator<Entry> iterator = entries.values().iterator();
        for (int checked = 0; checked < 8 && iterator.hasNext(); checked++) {
            if (!isExpired(iterator.next(), now)) {
                return;
            }
            iterator.remove();
        }
    }

    private boolean isExpired(Entry entry, Instant now) {
        return entry.firstSent().plus(window).isBefore(now);
    }
}

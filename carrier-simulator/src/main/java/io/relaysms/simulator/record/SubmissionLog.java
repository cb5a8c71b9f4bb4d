package io.relaysms.simulator.record;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Everything the carrier received, in arrival order, for tests and benchmarks to check what really reached it.
 * Bounded: beyond the capacity the oldest entries go and are counted as evicted, so a long benchmark cannot
 * exhaust the heap. Thread-safe.
 */
public final class SubmissionLog {

    private final int capacity;
    private final ArrayDeque<Submission> entries = new ArrayDeque<>();
    private long received;
    private long evicted;

    public SubmissionLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    public synchronized void add(Submission submission) {
        if (entries.size() == capacity) {
            entries.removeFirst();
            evicted++;
        }
        entries.addLast(submission);
        received++;
    }

    public List<Submission> find(SubmissionQuery query) {
        Predicate<Submission> predicate = query.predicate();
        List<Submission> found = new ArrayList<>();
        for (Submission s : snapshot()) {
            if (predicate.test(s)) {
                found.add(s);
                if (found.size() >= query.limit()) {
                    break;
                }
            }
        }
        return found;
    }

    public synchronized List<Submission> snapshot() {
        return new ArrayList<>(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** All submits received since start, including the evicted ones. */
    public synchronized long received() {
        return received;
    }

    public synchronized long evicted() {
        return evicted;
    }
}

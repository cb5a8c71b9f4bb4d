package io.relaysms.dispatcher.dispatch;

import io.relaysms.dispatcher.ratelimit.NumberBucket;
import java.util.ArrayDeque;
import java.util.Collection;

/**
 * The waiting line of one sending number with its token bucket. Bounded: when it is full the partition the next
 * message comes from is paused (see {@link DispatchLoop}), so memory stays bounded while other numbers of the
 * same partition keep going from what is already buffered. A retry goes back at the head, ignoring the bound.
 */
final class NumberLane {

    final String number;
    final NumberBucket bucket;
    private final ArrayDeque<PendingMessage> waiting = new ArrayDeque<>();
    private final int capacity;
    long scheduledAtNanos = Long.MIN_VALUE;
    boolean scheduled;

    NumberLane(String number, NumberBucket bucket, int capacity) {
        this.number = number;
        this.bucket = bucket;
        this.capacity = capacity;
    }

    boolean hasRoom() {
        return waiting.size() < capacity;
    }

    /** Below half full: a partition paused for this lane can be resumed without pausing again at once. */
    boolean drainedEnough() {
        return waiting.size() <= capacity / 2;
    }

    void add(PendingMessage message) {
        waiting.addLast(message);
    }

    void addFirst(PendingMessage message) {
        waiting.addFirst(message);
    }

    PendingMessage peek() {
        return waiting.peekFirst();
    }

    PendingMessage poll() {
        return waiting.pollFirst();
    }

    int size() {
        return waiting.size();
    }

    /** Removes (and returns) the waiting messages of the given partitions. */
    int removePartitions(Collection<Integer> partitions) {
        int before = waiting.size();
        waiting.removeIf(m -> partitions.contains(m.partition));
        return before - waiting.size();
    }
}

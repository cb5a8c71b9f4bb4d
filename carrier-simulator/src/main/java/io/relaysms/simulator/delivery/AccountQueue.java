package io.relaysms.simulator.delivery;

import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The due deliveries of one account, oldest first. Bounded for new entries ({@link #offer} refuses beyond the
 * capacity) while a delivery taken out and put back after a failure always finds its place again at the head.
 */
final class AccountQueue {

    /** A delivery and how often the ESME refused it or failed to answer. */
    record Entry(OutboundDeliver deliver, int attempts) {
    }

    private final String systemId;
    private final int capacity;
    private final LinkedBlockingDeque<Entry> due = new LinkedBlockingDeque<>();
    final AtomicInteger scheduled = new AtomicInteger();
    private final AtomicInteger inHand = new AtomicInteger();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();

    AccountQueue(String systemId, int capacity) {
        this.systemId = systemId;
        this.capacity = capacity;
    }

    String systemId() {
        return systemId;
    }

    boolean offer(OutboundDeliver deliver) {
        if (due.size() >= capacity) {
            dropped.incrementAndGet();
            return false;
        }
        due.offerLast(new Entry(deliver, 0));
        return true;
    }

    void putBack(Entry entry) {
        due.offerFirst(entry);
    }

    /** The oldest due delivery; a worker holds it until {@link #release()}, and it still counts as queued. */
    Entry poll(long timeout, TimeUnit unit) throws InterruptedException {
        Entry entry = due.pollFirst(timeout, unit);
        if (entry != null) {
            inHand.incrementAndGet();
        }
        return entry;
    }

    void release() {
        inHand.decrementAndGet();
    }

    /** Due and not yet acknowledged by the ESME, including those a worker is sending now. */
    int queued() {
        return due.size() + inHand.get();
    }

    int capacity() {
        return capacity;
    }
}

package io.relaysms.simulator.ids;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out the carrier's message ids: unique for the life of the simulator, increasing from a start that
 * differs between runs (unless seeded), so ids of one run never look like those of the previous one.
 */
public final class MessageIdGenerator {

    private final AtomicLong next;

    public MessageIdGenerator(long start) {
        this.next = new AtomicLong(start);
    }

    /** A start between 2^28 and 2^31, from the given seed: hex ids of 8 digits, decimal ids of 9 or 10. */
    public static MessageIdGenerator startingFrom(long seed) {
        long start = (1L << 28) + Math.floorMod(seed * 0x9E3779B97F4A7C15L, (1L << 31) - (1L << 28));
        return new MessageIdGenerator(start);
    }

    public long next() {
        return next.getAndIncrement();
    }
}

package io.relaysms.dispatcher.carrier;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The pace of one carrier connection, on top of the per-number limits: a fixed TPS cap
 * ({@code carriers.<id>.tps}, 0 for none) and an adaptive limit that the carrier's own push-back moves
 * (additive increase, multiplicative decrease, as TCP does). A throttled answer (ESME_RTHROTTLED,
 * ESME_RMSGQFUL, HTTP 429) halves the pace, measured from what actually went through, and holds every sender
 * of the connection back for a backoff that doubles while the carrier keeps refusing; each accepted answer
 * raises the pace again by 10% at most every 100 ms, until the cap (or no limit) is reached.
 *
 * <p>Submitters take a turn before each submit ({@link #awaitTurn()} blocking, {@link #reserveTurn()} not);
 * the turns are handed out at evenly spaced instants so that the carrier sees no bursts above the pace.
 */
public final class CarrierPacer {

    private static final long RAISE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final double MIN_TPS = 1.0;

    private final double capTps;
    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private double currentTps;
    private long nextTurnNanos;
    private long backoffNanos;
    private long lastRaiseNanos;
    private long windowStartNanos = System.nanoTime();
    private long turnsInWindow;
    private double observedTps;
    private long throttledCount;

    public CarrierPacer(double capTps, long initialBackoffMillis, long maxBackoffMillis) {
        this.capTps = capTps <= 0 ? Double.POSITIVE_INFINITY : capTps;
        this.currentTps = this.capTps;
        this.initialBackoffNanos = TimeUnit.MILLISECONDS.toNanos(initialBackoffMillis);
        this.maxBackoffNanos = TimeUnit.MILLISECONDS.toNanos(maxBackoffMillis);
        this.backoffNanos = initialBackoffNanos;
    }

    /** Blocks until the caller may submit; returns at once while the pace is unlimited and nothing throttled. */
    public void awaitTurn() throws InterruptedException {
        long turn = reserveTurn();
        long wait;
        while ((wait = turn - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the carrier's pace");
            }
        }
    }

    /**
     * Takes the next turn without waiting for it: answers the {@link System#nanoTime()} instant at which the
     * caller may submit (now or earlier while the pace is unlimited and nothing throttled). For callers that
     * must not block, e.g. the asynchronous SMPP path, which schedules the write for that instant.
     */
    public synchronized long reserveTurn() {
        long now = System.nanoTime();
        countTurn(now);
        if (Double.isInfinite(currentTps) && nextTurnNanos <= now) {
            return now;
        }
        long turn = Math.max(now, nextTurnNanos);
        nextTurnNanos = turn + (Double.isInfinite(currentTps) ? 0 : (long) (1e9 / currentTps));
        return turn;
    }

    /** The carrier refused for load: slow down and hold every sender back for the backoff. */
    public synchronized void onThrottled() {
        long now = System.nanoTime();
        throttledCount++;
        double base = Double.isInfinite(currentTps) ? Math.max(observedTps, MIN_TPS * 2) : currentTps;
        currentTps = Math.max(MIN_TPS, base / 2);
        nextTurnNanos = Math.max(nextTurnNanos, now + backoffNanos);
        backoffNanos = Math.min(maxBackoffNanos, backoffNanos * 2);
        lastRaiseNanos = now;
    }

    /** The carrier accepted: recover towards the cap. */
    public synchronized void onAccepted() {
        backoffNanos = initialBackoffNanos;
        if (currentTps >= capTps) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastRaiseNanos < RAISE_EVERY_NANOS) {
            return;
        }
        lastRaiseNanos = now;
        currentTps = currentTps * 1.1 + 1;
        if (currentTps >= capTps || (Double.isInfinite(capTps) && currentTps > observedTps * 4 + 100)) {
            currentTps = capTps;
        }
    }

    /** The pace in force now, submits per second ({@code Infinity} when unlimited). */
    public synchronized double currentTps() {
        return currentTps;
    }

    public synchronized long throttledCount() {
        return throttledCount;
    }

    private void countTurn(long now) {
        turnsInWindow++;
        long elapsed = now - windowStartNanos;
        if (elapsed >= 1_000_000_000L) {
            observedTps = turnsInWindow * 1e9 / elapsed;
            turnsInWindow = 0;
            windowStartNanos = now;
        }
    }
}

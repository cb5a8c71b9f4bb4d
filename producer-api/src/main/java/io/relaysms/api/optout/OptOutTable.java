package io.relaysms.api.optout;

import io.relaysms.schemas.OptOutState;
import io.relaysms.topics.TopicKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The opt-out state of the platform as this API instance knows it: the compacted {@code sms-optouts} topic read
 * whole (design decision 5), kept current by a follower that calls {@link #apply}. It answers {@code optouts:check},
 * and lets {@code :add}/{@code :remove} wait, bounded, until the optout-processor's state shows what they asked for,
 * so that a check right after an add reads the add. Thread-safe: one writer (the follower), many readers.
 */
public final class OptOutTable {

    private final Set<String> optedOut = new HashSet<>();
    private final Map<String, List<Waiter>> waiters = new HashMap<>();

    private record Waiter(boolean wanted, CompletableFuture<Boolean> done) {
    }

    /** Applies one record of sms-optouts; a tombstone (null) means not opted out. */
    public synchronized void apply(String key, OptOutState state) {
        if (key == null) {
            return;
        }
        boolean isOptedOut = state != null && state.getOptedOut();
        if (isOptedOut) {
            optedOut.add(key);
        } else {
            optedOut.remove(key);
        }
        List<Waiter> waiting = waiters.get(key);
        if (waiting != null) {
            new ArrayList<>(waiting).stream().filter(w -> w.wanted() == isOptedOut).forEach(w -> w.done().complete(true));
        }
    }

    public synchronized boolean isOptedOut(String from, String to) {
        return optedOut.contains(TopicKeys.optOut(from, to));
    }

    public synchronized int size() {
        return optedOut.size();
    }

    /**
     * Completes with true once the table says {@code wanted} for (from, to) (at once if it already does), or with
     * false when the timeout passes first.
     */
    public synchronized CompletableFuture<Boolean> awaitState(String from, String to, boolean wanted, Duration timeout) {
        String key = TopicKeys.optOut(from, to);
        if (optedOut.contains(key) == wanted) {
            return CompletableFuture.completedFuture(true);
        }
        Waiter waiter = new Waiter(wanted, new CompletableFuture<>());
        waiters.computeIfAbsent(key, k -> new ArrayList<>()).add(waiter);
        waiter.done().completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, error) -> forget(key, waiter));
        return waiter.done();
    }

    private synchronized void forget(String key, Waiter waiter) {
        List<Waiter> waiting = waiters.get(key);
        if (waiting != null) {
            waiting.remove(waiter);
            if (waiting.isEmpty()) {
                waiters.remove(key);
            }
        }
    }
}

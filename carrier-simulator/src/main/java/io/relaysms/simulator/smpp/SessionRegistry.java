package io.relaysms.simulator.smpp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sessions bound now, by session id, and the choice of a receiving session for a system id (round robin
 * over its bound receiver and transceiver binds). Delivery workers wait here for a receiver to bind.
 */
public final class SessionRegistry {

    private final Map<String, BoundSession> bySessionId = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> roundRobin = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition receiversChanged = lock.newCondition();

    void register(BoundSession session) {
        bySessionId.put(session.sessionId(), session);
    }

    void activate(BoundSession session) {
        session.markBound();
        signal();
    }

    void unregister(String sessionId) {
        if (bySessionId.remove(sessionId) != null) {
            signal();
        }
    }

    public Optional<BoundSession> get(String sessionId) {
        return Optional.ofNullable(bySessionId.get(sessionId));
    }

    public List<BoundSession> all() {
        return List.copyOf(bySessionId.values());
    }

    public long count(String systemId) {
        return bySessionId.values().stream().filter(s -> s.systemId().equals(systemId)).count();
    }

    public Optional<BoundSession> nextReceiver(String systemId) {
        List<BoundSession> receivers = bySessionId.values().stream()
                .filter(s -> s.isBound() && s.canReceive() && s.systemId().equals(systemId))
                .sorted(java.util.Comparator.comparing(BoundSession::sessionId))
                .toList();
        if (receivers.isEmpty()) {
            return Optional.empty();
        }
        int turn = roundRobin.computeIfAbsent(systemId, id -> new AtomicInteger()).getAndIncrement();
        return Optional.of(receivers.get(Math.floorMod(turn, receivers.size())));
    }

    /** Waits until a receiver of the system id is bound or the timeout passes; true if one is bound. */
    public boolean awaitReceiver(String systemId, long timeout, TimeUnit unit) throws InterruptedException {
        long remaining = unit.toNanos(timeout);
        lock.lock();
        try {
            while (!hasReceiver(systemId) && remaining > 0) {
                remaining = receiversChanged.awaitNanos(remaining);
            }
            return hasReceiver(systemId);
        } finally {
            lock.unlock();
        }
    }

    public boolean hasReceiver(String systemId) {
        return bySessionId.values().stream().anyMatch(s -> s.isBound() && s.canReceive() && s.systemId().equals(systemId));
    }

    private void signal() {
        lock.lock();
        try {
            receiversChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }
}

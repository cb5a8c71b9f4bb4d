package io.relaysms.dispatcher.dispatch;

import io.relaysms.dispatcher.carrier.CarrierConnection;
import io.relaysms.dispatcher.carrier.OutboundMessage;
import io.relaysms.dispatcher.carrier.SubmitAttempt;
import io.relaysms.dispatcher.carrier.SubmitOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Starts carrier submits for the dispatch loop and hands their results back: the connections are asynchronous,
 * so starting one costs the loop no thread hand-off. The loop never hands a connection more than its window;
 * every attempt comes back as a {@link Completion} through one queue, and the loop is woken when it sleeps.
 */
final class SubmitRunner implements AutoCloseable {

    private final Map<CarrierConnection, Integer> inFlight = new HashMap<>();
    private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    private final Runnable wakeLoop;

    SubmitRunner(List<CarrierConnection> connections, Runnable wakeLoop) {
        this.wakeLoop = wakeLoop;
        for (CarrierConnection connection : connections) {
            inFlight.put(connection, 0);
        }
    }

    /** Loop thread: whether the connection's window has room. */
    boolean hasRoom(CarrierConnection connection) {
        return inFlight.get(connection) < connection.window();
    }

    /** Loop thread: how many more submits the connection's window takes now. */
    int room(CarrierConnection connection) {
        return connection.window() - inFlight.get(connection);
    }

    /** Loop thread: starts an attempt. */
    void submit(PendingMessage m, CarrierConnection connection, OutboundMessage outbound) {
        inFlight.merge(connection, 1, Integer::sum);
        long started = System.nanoTime();
        CompletableFuture<SubmitAttempt> attempt;
        try {
            attempt = connection.submit(outbound);
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        attempt.whenComplete((result, failure) -> {
            SubmitAttempt finished = failure == null ? result : new SubmitAttempt(connection.carrierId(), List.of(),
                    new SubmitOutcome.Retryable(-1, "submit failed: " + failure));
            completions.add(new Completion(m, connection, finished, started));
            wakeLoop.run();
        });
    }

    /** Loop thread: the next finished attempt, waiting at most the given time; null if none. */
    Completion next(long timeoutNanos) throws InterruptedException {
        Completion c = timeoutNanos <= 0 ? completions.poll() : completions.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        if (c != null) {
            inFlight.merge(c.connection(), -1, Integer::sum);
        }
        return c;
    }

    boolean hasCompletions() {
        return !completions.isEmpty();
    }

    int inFlight() {
        return inFlight.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public void close() {
        // Nothing of its own to stop: attempts still running finish in their connections, which close them.
    }
}

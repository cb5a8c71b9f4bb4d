package io.relaysms.simulator.delivery;

import io.relaysms.simulator.metrics.SimulatorMetrics;
import io.relaysms.simulator.smpp.BoundSession;
import io.relaysms.simulator.smpp.SessionRegistry;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jsmpp.extra.NegativeResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the due deliveries of one account, one at a time, on the account's receiving binds: waits while none
 * is bound (the deliveries stay queued), puts a delivery back after a failure and gives it up after
 * {@code maxAttempts} refusals or unanswered tries, as an SMSC's retry schedule does (much faster here).
 */
final class DeliveryWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final long RETRY_PAUSE_MILLIS = 100;

    private final AccountQueue queue;
    private final SessionRegistry sessions;
    private final SimulatorMetrics metrics;
    private final int maxAttempts;
    private final CountDownLatch closing;

    DeliveryWorker(AccountQueue queue, SessionRegistry sessions, SimulatorMetrics metrics, int maxAttempts,
                   CountDownLatch closing) {
        this.queue = queue;
        this.sessions = sessions;
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
        this.closing = closing;
    }

    @Override
    public void run() {
        try {
            while (closing.getCount() > 0) {
                AccountQueue.Entry entry = queue.poll(200, TimeUnit.MILLISECONDS);
                if (entry == null) {
                    continue;
                }
                Outcome outcome;
                try {
                    outcome = send(entry);
                } finally {
                    queue.release();
                }
                // Waits happen after release, so a delivery put back is never counted twice meanwhile.
                if (outcome == Outcome.NO_RECEIVER) {
                    sessions.awaitReceiver(queue.systemId(), 200, TimeUnit.MILLISECONDS);
                } else if (outcome == Outcome.RETRY) {
                    closing.await(RETRY_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private enum Outcome {
        DONE, NO_RECEIVER, RETRY
    }

    private Outcome send(AccountQueue.Entry entry) {
        OutboundDeliver deliver = entry.deliver();
        Optional<BoundSession> receiver = sessions.nextReceiver(queue.systemId());
        if (receiver.isEmpty()) {
            queue.putBack(entry);
            return Outcome.NO_RECEIVER;
        }
        try {
            receiver.get().deliver(deliver);
            queue.sent.incrementAndGet();
            metrics.delivered(deliver.kind().name(), queue.systemId());
            return Outcome.DONE;
        } catch (NegativeResponseException e) {
            return retryOrGiveUp(entry, "refused with command_status " + e.getCommandStatus());
        } catch (Exception e) {
            return retryOrGiveUp(entry, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Outcome retryOrGiveUp(AccountQueue.Entry entry, String reason) {
        int attempts = entry.attempts() + 1;
        if (attempts >= maxAttempts) {
            queue.failed.incrementAndGet();
            metrics.deliveryLost(entry.deliver().kind().name(), queue.systemId(), "failed");
            LOG.warn("gave up {} to {} after {} attempts, last: {}", entry.deliver().description(), queue.systemId(),
                    attempts, reason);
            return Outcome.DONE;
        }
        LOG.debug("{} to {} not delivered ({}), will retry", entry.deliver().description(), queue.systemId(), reason);
        queue.putBack(new AccountQueue.Entry(entry.deliver(), attempts));
        return Outcome.RETRY;
    }
}

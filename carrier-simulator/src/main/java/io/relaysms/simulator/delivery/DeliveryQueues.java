package io.relaysms.simulator.delivery;

import io.relaysms.simulator.metrics.SimulatorMetrics;
import io.relaysms.simulator.smpp.SessionRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the carrier owes each account (receipts and MOs), held until their time and until the account has a
 * receiver or transceiver bind: a timer moves scheduled deliveries into the account's bounded queue, and a
 * few worker threads per account send them. A full queue refuses new deliveries, counted as dropped.
 */
public final class DeliveryQueues implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryQueues.class);

    private final Map<String, AccountQueue> byAccount = new LinkedHashMap<>();
    private final SessionRegistry sessions;
    private final SimulatorMetrics metrics;
    private final ScheduledExecutorService timer;
    private final List<Thread> workers = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public DeliveryQueues(Collection<String> systemIds, int capacity, int workersPerAccount, int maxAttempts,
                          SessionRegistry sessions, SimulatorMetrics metrics) {
        this.sessions = sessions;
        this.metrics = metrics;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "simulator-delivery-timer"));
        for (String systemId : systemIds) {
            AccountQueue queue = new AccountQueue(systemId, capacity);
            byAccount.put(systemId, queue);
            metrics.gauge("simulator.deliveries.queued", "deliveries due, waiting for a receiving bind", systemId, queue::queued);
            metrics.gauge("simulator.deliveries.scheduled", "deliveries waiting for their time", systemId, queue.scheduled::get);
            for (int i = 0; i < workersPerAccount; i++) {
                Thread worker = new Thread(new DeliveryWorker(queue, sessions, metrics, maxAttempts, closing),
                        "simulator-deliver-" + systemId + "-" + i);
                worker.setDaemon(true);
                workers.add(worker);
                worker.start();
            }
        }
    }

    /**
     * Delivers after the delay (0: now). False when the account is unknown or its queue is full (then the
     * delivery is dropped and counted); a scheduled delivery that finds the queue full later is dropped too.
     */
    public boolean schedule(OutboundDeliver deliver, long delayMillis) {
        AccountQueue queue = byAccount.get(deliver.systemId());
        if (queue == null) {
            return false;
        }
        if (delayMillis <= 0) {
            return offer(queue, deliver);
        }
        if (queue.queued() + queue.scheduled.get() >= queue.capacity()) {
            queue.dropped.incrementAndGet();
            metrics.deliveryLost(deliver.kind().name(), deliver.systemId(), "queue-full");
            return false;
        }
        queue.scheduled.incrementAndGet();
        try {
            timer.schedule(() -> {
                queue.scheduled.decrementAndGet();
                offer(queue, deliver);
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queue.scheduled.decrementAndGet();
            return false;
        }
        return true;
    }

    private boolean offer(AccountQueue queue, OutboundDeliver deliver) {
        if (queue.offer(deliver)) {
            return true;
        }
        metrics.deliveryLost(deliver.kind().name(), deliver.systemId(), "queue-full");
        LOG.warn("delivery queue of {} is full ({}), dropped {}", deliver.systemId(), queue.capacity(), deliver.description());
        return false;
    }

    public boolean knows(String systemId) {
        return byAccount.containsKey(systemId);
    }

    public Optional<Backlog> backlog(String systemId) {
        return Optional.ofNullable(byAccount.get(systemId)).map(q -> new Backlog(systemId, q.scheduled.get(), q.queued(),
                q.sent.get(), q.failed.get(), q.dropped.get(), sessions.hasReceiver(systemId)));
    }

    public List<Backlog> backlogs() {
        return byAccount.keySet().stream().map(id -> backlog(id).orElseThrow()).toList();
    }

    @Override
    public void close() {
        closing.countDown();
        timer.shutdownNow();
        for (Thread worker : workers) {
            worker.interrupt();
        }
        for (Thread worker : workers) {
            try {
                worker.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

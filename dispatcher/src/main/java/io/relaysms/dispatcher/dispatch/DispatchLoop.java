package io.relaysms.dispatcher.dispatch;

import io.relaysms.dispatcher.carrier.CarrierConnection;
import io.relaysms.dispatcher.carrier.OutboundMessage;
import io.relaysms.dispatcher.carrier.SubmitOutcome;
import io.relaysms.dispatcher.offsets.PartitionProgress;
import io.relaysms.dispatcher.offsets.RecentMessageIds;
import io.relaysms.dispatcher.offsets.PartitionTakeover;
import io.relaysms.dispatcher.optout.OptOutTable;
import io.relaysms.dispatcher.ratelimit.NumberBucket;
import io.relaysms.dispatcher.routing.Route;
import io.relaysms.dispatcher.routing.Router;
import io.relaysms.dispatcher.segment.Segmenter;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.DispatchOutcome;
import io.relaysms.schemas.RequestOrigin;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.topics.TopicCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's one loop thread ({@code dispatch-loop}): consumes {@code sms-requests} as a member of the
 * dispatcher group, keeps a lane per sending number, submits what is due through the carrier connections, and
 * writes every outcome to {@code sms-dispatch-events} with the offsets in one Kafka transaction.
 *
 * <p>Guarantees: an offset is committed only when its request and every one before it are finished, in the same
 * transaction as their events; a worker that takes a partition over reads its events first
 * ({@link TakeoverScan}) and does not send what is done. So a messageId reaches a carrier twice only if it was in
 * flight when its owner died, or its owner could not finish it within the shutdown grace (counted). Requests of
 * one number never wait for another number's bucket: lanes are visited only when due. A full lane pauses its
 * partition and gives the rest of the fetched batch back to the log; the partition resumes when the lane is half
 * empty.
 */
public final class DispatchLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);
    private static final long MAX_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int MESSAGES_PER_VISIT = 16;

    private final DispatchClients clients;
    private final TopicCatalog topics;
    private final Router router;
    private final OptOutTable optOuts;
    private final DispatchSettings settings;
    private final DispatcherMetrics metrics;
    private final Clock clock;
    private final List<CarrierConnection> connections;
    private final Segmenter segmenter = new Segmenter();
    private final DispatchEvents eventFactory;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<CarrierConnection, Set<NumberLane>> parkedForRoom = new HashMap<>();
    private final Map<TopicPartition, PartitionProgress> owned = new HashMap<>();
    private final Map<TopicPartition, Map<Long, Integer>> attemptsSoFar = new HashMap<>();
    private final Map<TopicPartition, Long> previousReadUpTo = new HashMap<>();
    private final Map<TopicPartition, NumberLane> pausedFor = new HashMap<>();
    private final Map<Integer, Integer> inFlightByPartition = new HashMap<>();
    /** Requests read and not finished yet, by messageId: a second copy arriving meanwhile is not sent. */
    private final Map<String, PendingMessage> inProgress = new HashMap<>();
    private volatile Consumer<byte[], byte[]> consumer;
    private volatile boolean assignedOnce;
    private Consumer<byte[], byte[]> scanConsumer;
    private EventTransactions transactions;
    private EventTransactions.Batch batch;
    private EventCommitter committer;
    private LaneBoard board;
    private SubmitRunner submits;
    private RecentMessageIds recentIds;
    private long lastCommitNanos = System.nanoTime();

    public DispatchLoop(DispatchClients clients, TopicCatalog topics, Router router, OptOutTable optOuts,
                        List<CarrierConnection> connections, DispatchSettings settings, DispatcherMetrics metrics, Clock clock) {
        this.clients = clients;
        this.topics = topics;
        this.router = router;
        this.optOuts = optOuts;
        this.connections = List.copyOf(connections);
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.eventFactory = new DispatchEvents(settings.workerId());
        metrics.registry().gauge("dispatcher.buffered", this, loop -> loop.board == null ? 0 : loop.board.buffered());
        metrics.registry().gauge("dispatcher.partitions.owned", owned, Map::size);
        metrics.registry().gauge("dispatcher.partitions.paused", pausedFor, Map::size);
    }

    /** Whether the loop has had partitions assigned at least once (it is part of the group). */
    public boolean hasJoined() {
        return assignedOnce;
    }

    public boolean isRunning() {
        return stopped.getCount() > 0;
    }

    @Override
    public void run() {
        try {
            while (running.get()) {
                try {
                    incarnation();
                } catch (EventTransactions.FatalTransactionException e) {
                    log.error("dispatch loop restarts with new Kafka clients: {}", e.getMessage());
                    pause(1_000);
                } catch (RuntimeException e) {
                    log.error("dispatch loop failed; it restarts with new Kafka clients", e);
                    pause(1_000);
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    private void incarnation() {
        board = new LaneBoard(settings.laneCapacity(), settings.totalCapacity());
        recentIds = new RecentMessageIds(settings.dedupeCapacity());
        owned.clear();
        pausedFor.clear();
        inFlightByPartition.clear();
        inProgress.clear();
        parkedForRoom.clear();
        submits = new SubmitRunner(connections, this::wake);
        Producer<byte[], byte[]> producer = clients.transactionalProducer();
        transactions = new EventTransactions(producer, topics.dispatchEvents());
        batch = new EventTransactions.Batch();
        committer = new EventCommitter(transactions, this::wake, metrics);
        scanConsumer = clients.scanConsumer();
        consumer = clients.requestsConsumer();
        boolean clean = false;
        try {
            transactions.initialise();
            consumer.subscribe(List.of(topics.smsRequests().name()), new Rebalance());
            while (running.get()) {
                cycle();
            }
            giveUp(new ArrayList<>(owned.keySet()), true);
            clean = true;
        } finally {
            if (!clean) {
                giveUp(new ArrayList<>(owned.keySet()), false);
            }
            submits.close();
            committer.close();
            closeQuietly(consumer::close);
            closeQuietly(scanConsumer::close);
            closeQuietly(producer::close);
        }
    }

    private void cycle() {
        long now = System.nanoTime();
        unparkForRoom(now);
        long waitNanos = submits.hasCompletions() ? 0 : board.nanosUntilNextDue(now, MAX_IDLE_NANOS);
        if (batch.size() > 0 || anyOffsetMoved()) {
            waitNanos = Math.min(waitNanos, Math.max(0, lastCommitNanos + settings.commitInterval().toNanos() - now));
        }
        ConsumerRecords<byte[], byte[]> records = poll(waitNanos);
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
                if (!accept(tp, record)) {
                    break;
                }
            }
        }
        drainCompletions(0);
        dispatchDue();
        resumeDrainedPartitions();
        commitIfDue(false);
    }

    private ConsumerRecords<byte[], byte[]> poll(long waitNanos) {
        sleeping.set(waitNanos > 0);
        try {
            if (waitNanos > 0 && submits.hasCompletions()) {
                waitNanos = 0;
            }
            return consumer.poll(Duration.ofNanos(waitNanos));
        } catch (WakeupException e) {
            return ConsumerRecords.empty();
        } finally {
            sleeping.set(false);
        }
    }

    private void wake() {
        if (sleeping.compareAndSet(true, false)) {
            Consumer<byte[], byte[]> c = consumer;
            if (c != null) {
                c.wakeup();
            }
        }
    }

    /** Takes one record in; false when its lane is full and the rest of the partition's batch is given back. */
    private boolean accept(TopicPartition tp, ConsumerRecord<byte[], byte[]> record) {
        PartitionProgress progress = owned.get(tp);
        if (progress == null) {
            return false;
        }
        long offset = record.offset();
        if (progress.doneByPreviousOwner(offset)) {
            progress.skipped(offset);
            metrics.takeoverSkipped.increment();
            return true;
        }
        SmsRequest request;
        try {
            request = record.value() == null ? null
                    : topics.smsRequests().valueSerde().deserializer().deserialize(tp.topic(), record.value());
        } catch (RuntimeException e) {
            log.warn("unreadable request at {}@{} goes to the dead-letter topic: {}", tp, offset, e.getMessage());
            transactions.addDeadLetter(batch, record, e);
            metrics.deadLettered.increment();
            progress.skipped(offset);
            return true;
        }
        if (request == null) {
            progress.skipped(offset);
            return true;
        }
        if (recentIds.contains(request.getMessageId()) || inProgress.containsKey(request.getMessageId())) {
            metrics.duplicatesSkipped.increment();
            progress.skipped(offset);
            return true;
        }
        Long previousRead = previousReadUpTo.get(tp);
        if (previousRead != null && offset < previousRead) {
            metrics.takeoverUnconfirmed.increment();
        }
        int attempts = Optional.ofNullable(attemptsSoFar.get(tp)).map(m -> m.remove(offset)).orElse(0);
        Optional<Route> route = router.routeFor(request.getFrom());
        if (route.isEmpty()) {
            PendingMessage m = new PendingMessage(request, tp.partition(), offset, progress, null, null, attempts);
            progress.started(offset);
            finish(m, eventFactory.notSent(m, DispatchOutcome.REJECTED, "sender '" + request.getFrom()
                    + "' is not a number this deployment owns (numbers.*)", clock.instant()));
            return true;
        }
        NumberLane lane = board.lane(request.getFrom(), () -> new NumberBucket(route.get().limit()));
        PendingMessage m = new PendingMessage(request, tp.partition(), offset, progress, route.get(),
                segmenter.split(request.getMessage(), request.getEncoding()), attempts);
        if (!board.offer(lane, m, System.nanoTime())) {
            consumer.seek(tp, offset);
            consumer.pause(List.of(tp));
            progress.rewindTo(offset);
            pausedFor.put(tp, lane);
            metrics.partitionPauses.increment();
            if (attempts > 0) {
                attemptsSoFar.computeIfAbsent(tp, k -> new HashMap<>()).put(offset, attempts);
            }
            return false;
        }
        progress.started(offset);
        inProgress.put(request.getMessageId(), m);
        return true;
    }

    private void dispatchDue() {
        long now = System.nanoTime();
        unparkForRoom(now);
        NumberLane lane;
        while ((lane = board.nextDue(now)) != null) {
            visit(lane, now);
        }
    }

    /**
     * Wakes as many lanes that waited for a connection's window as the window has room for, oldest first, so a
     * freed slot costs one visit rather than one per waiting number.
     */
    private void unparkForRoom(long now) {
        for (Map.Entry<CarrierConnection, Set<NumberLane>> parked : parkedForRoom.entrySet()) {
            int room = submits.room(parked.getKey());
            var waiting = parked.getValue().iterator();
            while (room-- > 0 && waiting.hasNext()) {
                board.scheduleAt(waiting.next(), now);
                waiting.remove();
            }
        }
    }

    /** Sends what the lane may send now, then schedules it for when it can send more. */
    private void visit(NumberLane lane, long now) {
        for (int sent = 0; sent < MESSAGES_PER_VISIT; sent++) {
            PendingMessage m = lane.peek();
            if (m == null) {
                return;
            }
            if (m.notBeforeNanos > now) {
                board.scheduleAt(lane, m.notBeforeNanos);
                return;
            }
            Instant wallNow = clock.instant();
            if (m.expiredAt(wallNow.toEpochMilli())) {
                board.take(lane);
                finish(m, eventFactory.notSent(m, DispatchOutcome.EXPIRED, "the message's validity ended at "
                        + m.request.getValidUntil() + " before it could be sent", wallNow));
                continue;
            }
            if (m.request.getOrigin() != RequestOrigin.AUTO_REPLY && optOuts.isOptedOut(m.from(), m.request.getTo())) {
                board.take(lane);
                finish(m, eventFactory.notSent(m, DispatchOutcome.OPTED_OUT, "Sender blocked for given recipient.", wallNow));
                continue;
            }
            Optional<CarrierConnection> connection = m.route.choose();
            if (connection.isEmpty()) {
                board.take(lane);
                m.attempt++;
                retryOrFail(m, lane, m.route.primary().carrierId(),
                        new SubmitOutcome.Retryable(-1, "no carrier connection is bound (" + m.route.primary().describeState() + ")"));
                return;
            }
            CarrierConnection c = connection.get();
            if (!submits.hasRoom(c)) {
                parkedForRoom.computeIfAbsent(c, k -> new java.util.LinkedHashSet<>()).add(lane);
                return;
            }
            int cost = c.countsSegments() ? m.segments.count() : 1;
            long wait = lane.bucket.tryTake(cost);
            if (wait > 0) {
                board.scheduleAt(lane, now + wait);
                return;
            }
            board.take(lane);
            m.attempt++;
            inFlightByPartition.merge(m.partition, 1, Integer::sum);
            submits.submit(m, c, new OutboundMessage(m.request.getMessageId(), m.from(), m.request.getTo(),
                    m.request.getMessage(), m.segments, true, m.acceptedIds.size()));
        }
        board.scheduleAt(lane, now);
    }

    private void drainCompletions(long waitNanos) {
        try {
            Completion c = submits.next(waitNanos);
            while (c != null) {
                complete(c);
                c = submits.next(0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void complete(Completion c) {
        PendingMessage m = c.message();
        inFlightByPartition.merge(m.partition, -1, Integer::sum);
        metrics.submitLatency.record(System.nanoTime() - c.startedNanos(), TimeUnit.NANOSECONDS);
        if (owned.get(new TopicPartition(topics.smsRequests().name(), m.partition)) != m.progress) {
            return; // the partition was given up meanwhile; counted as abandoned then
        }
        m.acceptedIds.addAll(c.attempt().acceptedIds());
        SubmitOutcome outcome = c.attempt().outcome();
        String carrier = c.attempt().carrierId();
        Instant now = clock.instant();
        if (outcome instanceof SubmitOutcome.Accepted) {
            finish(m, eventFactory.submitted(m, carrier, now));
        } else if (outcome instanceof SubmitOutcome.Permanent p) {
            finish(m, eventFactory.failed(m, DispatchOutcome.REJECTED, carrier, p.code(), p.description(), now));
        } else {
            if (outcome instanceof SubmitOutcome.TimedOut) {
                metrics.submitTimeouts.increment();
            }
            retryOrFail(m, board.existing(m.from()), carrier, outcome);
        }
    }

    /** A transient outcome: record THROTTLED or RETRYING and requeue, or FAILED when validity would pass. */
    private void retryOrFail(PendingMessage m, NumberLane lane, String carrier, SubmitOutcome outcome) {
        Instant now = clock.instant();
        long delay = settings.retry().delayMillis(m.attempt);
        Instant retryAt = now.plusMillis(delay);
        if (retryAt.toEpochMilli() >= m.validUntilMillis) {
            finish(m, eventFactory.failed(m, DispatchOutcome.FAILED, carrier, outcome.code(),
                    "retries exhausted before the validity ended; last error: " + outcome.description(), now));
            return;
        }
        DispatchOutcome kind = outcome instanceof SubmitOutcome.Throttled ? DispatchOutcome.THROTTLED : DispatchOutcome.RETRYING;
        record(eventFactory.retrying(m, kind, carrier, outcome.code(), outcome.description(), retryAt, now));
        m.notBeforeNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
        board.requeue(lane, m);
    }

    private void finish(PendingMessage m, DispatchEvent event) {
        record(event);
        m.progress.finished(m.offset);
        recentIds.add(m.request.getMessageId());
        inProgress.remove(m.request.getMessageId(), m);
    }

    private void record(DispatchEvent event) {
        transactions.add(batch, event);
        metrics.outcome(event.getOutcome());
    }

    private void resumeDrainedPartitions() {
        if (pausedFor.isEmpty() || !board.hasRoomOverall()) {
            return;
        }
        List<TopicPartition> resume = new ArrayList<>();
        pausedFor.entrySet().removeIf(entry -> {
            if (entry.getValue().drainedEnough()) {
                resume.add(entry.getKey());
                return true;
            }
            return false;
        });
        if (!resume.isEmpty()) {
            consumer.resume(resume);
        }
    }

    private boolean anyOffsetMoved() {
        for (PartitionProgress p : owned.values()) {
            if (p.commitIfMoved() != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hands the events decided since the last commit and the offsets they allow to the committer, at most every
     * commit interval and never before the previous commit has been collected (running or finished). {@code force} (giving partitions up) waits for
     * the running commit and for this one.
     */
    private void commitIfDue(boolean force) {
        applyCommitted(committer.collect(force));
        if (committer.hasPending()) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastCommitNanos < settings.commitInterval().toNanos()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        owned.forEach((tp, progress) -> {
            OffsetAndMetadata commit = progress.commitIfMoved();
            if (commit != null) {
                offsets.put(tp, commit);
            }
        });
        lastCommitNanos = now;
        if (offsets.isEmpty() && batch.size() == 0) {
            return;
        }
        EventTransactions.Batch handedOver = batch;
        batch = new EventTransactions.Batch();
        committer.start(handedOver, offsets, consumer.groupMetadata());
        if (force) {
            applyCommitted(committer.collect(true));
        }
    }

    private void applyCommitted(EventCommitter.Done done) {
        if (done == null) {
            return;
        }
        done.offsets().forEach((tp, commit) -> {
            PartitionProgress p = owned.get(tp);
            if (p != null) {
                p.committed(commit);
            }
        });
        done.written().eventsEndByPartition().forEach((partition, end) -> {
            PartitionProgress p = owned.get(new TopicPartition(topics.smsRequests().name(), partition));
            if (p != null) {
                p.eventsWrittenUpTo(end);
            }
        });
    }

    /**
     * Gives partitions up: drops what waits in their lanes (the next owner reads it again), waits for their
     * in-flight submits up to the grace when {@code graceful}, and commits their events and offsets.
     */
    private void giveUp(Collection<TopicPartition> partitions, boolean graceful) {
        if (partitions.isEmpty() || board == null) {
            return;
        }
        Set<Integer> numbers = new HashSet<>();
        partitions.forEach(tp -> numbers.add(tp.partition()));
        board.removePartitions(numbers);
        partitions.forEach(pausedFor::remove);
        if (graceful) {
            long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
            while (inFlight(numbers) > 0 && System.nanoTime() < deadline) {
                drainCompletions(TimeUnit.MILLISECONDS.toNanos(20));
                board.removePartitions(numbers); // retries requeued meanwhile are the next owner's
            }
        }
        int abandoned = inFlight(numbers);
        if (abandoned > 0) {
            log.warn("giving up {} with {} submit(s) still in flight: their outcome is not recorded", partitions, abandoned);
            metrics.inflightAbandoned.increment(abandoned);
        }
        if (graceful) {
            try {
                commitIfDue(true);
            } catch (RuntimeException e) {
                log.warn("could not commit while giving up {}: {}", partitions, e.getMessage());
            }
        }
        inProgress.values().removeIf(m -> numbers.contains(m.partition));
        partitions.forEach(tp -> {
            owned.remove(tp);
            attemptsSoFar.remove(tp);
            previousReadUpTo.remove(tp);
        });
        numbers.forEach(inFlightByPartition::remove);
    }

    private int inFlight(Set<Integer> partitions) {
        return partitions.stream().mapToInt(p -> inFlightByPartition.getOrDefault(p, 0)).sum();
    }

    private void takeOver(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        new PartitionTakeover(consumer, scanConsumer, topics.dispatchEvents()).takeOver(partitions).forEach((tp, taken) -> {
            taken.doneMessageIds().forEach(recentIds::add);
            owned.put(tp, taken.progress());
            attemptsSoFar.put(tp, new HashMap<>(taken.attemptsSoFar()));
            taken.previousReadUpTo().ifPresent(read -> previousReadUpTo.put(tp, read));
        });
        assignedOnce = true;
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            giveUp(partitions, true);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            giveUp(partitions, false);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            takeOver(partitions);
            assignedOnce = true;
        }
    }

    /** Stops consuming, finishes or abandons in-flight submits, commits, and returns when the loop has ended. */
    public void stop(Duration timeout) {
        running.set(false);
        Consumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            if (!stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("the dispatch loop did not stop within {}", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis); // backoff before new clients, not a wait for a condition
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    private static void closeQuietly(Runnable close) {
        try {
            close.run();
        } catch (RuntimeException e) {
            log.debug("closing a Kafka client: {}", e.getMessage());
        }
    }
}

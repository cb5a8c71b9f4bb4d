package io.relaysms.dispatcher.smpp;

import io.relaysms.dispatcher.carrier.CarrierConnection;
import io.relaysms.dispatcher.carrier.CarrierPacer;
import io.relaysms.dispatcher.carrier.OutboundMessage;
import io.relaysms.dispatcher.carrier.SubmitAttempt;
import io.relaysms.dispatcher.carrier.SubmitOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitSmResp;
import org.jsmpp.extra.ResponseTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMPP 3.4 carrier route: {@code binds} transceiver binds, each with a window of submits in flight, paced
 * by the route's {@link CarrierPacer}. Submits are asynchronous ({@link AsyncSubmitSession}): a part goes over
 * the next bound bind with a free window slot, written by whichever thread has it ready (the dispatch loop,
 * the jSMPP thread that delivered the answer freeing the slot, or this connection's timer at a paced turn);
 * no thread waits for an answer. Every answer is sorted by the {@link CommandStatusClassifier}. A part whose
 * submit_sm_resp does not come in time is reported as {@link SubmitOutcome.TimedOut}; a lost connection as
 * {@link SubmitOutcome.Retryable}, as soon as the session is known to be gone.
 */
public final class SmppConnection implements CarrierConnection {

    private static final Logger log = LoggerFactory.getLogger(SmppConnection.class);

    private final SmppCarrierSettings settings;
    private final CarrierPacer pacer;
    private final CommandStatusClassifier classifier;
    private final List<SmppBind> binds = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final Queue<MessageSubmit> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drainRequests = new AtomicInteger();
    private final ScheduledExecutorService timer;
    private volatile boolean closed;

    public SmppConnection(SmppCarrierSettings settings, DeliverSmReceiver receiver) {
        this.settings = settings;
        this.pacer = new CarrierPacer(settings.tps(), 100, 5_000);
        this.classifier = new CommandStatusClassifier(settings.throttledStatuses(), settings.retryableStatuses());
        for (int i = 1; i <= settings.binds(); i++) {
            binds.add(new SmppBind(settings, i, receiver));
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smpp-" + settings.carrierId() + "-timer");
            t.setDaemon(true);
            return t;
        });
    }

    public SmppConnection start() {
        binds.forEach(SmppBind::start);
        long sweepMillis = Math.max(10, Math.min(200, settings.responseTimeoutMillis() / 20));
        timer.scheduleWithFixedDelay(this::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public String carrierId() {
        return settings.carrierId();
    }

    @Override
    public boolean isAvailable() {
        for (SmppBind bind : binds) {
            if (bind.state() == BindState.BOUND) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int window() {
        return settings.binds() * settings.window();
    }

    @Override
    public boolean countsSegments() {
        return settings.countsSegments();
    }

    public List<SmppBind> binds() {
        return List.copyOf(binds);
    }

    public CarrierPacer pacer() {
        return pacer;
    }

    /**
     * Submits the message's remaining parts one after the other (a part goes out when the one before it was
     * accepted) without holding a thread: a part takes a window slot on the next bound bind with room, or waits
     * in this connection's queue until an answer frees one; it goes out at the pacer's turn.
     */
    @Override
    public CompletableFuture<SubmitAttempt> submit(OutboundMessage message) {
        List<SubmitSmParts.Unit> units = SubmitSmParts.units(message, settings.concatenation());
        MessageSubmit submit = new MessageSubmit(message, units.subList(Math.min(message.firstPart(), units.size()), units.size()));
        submit.nextPart();
        return submit.result;
    }

    /** Fails answers that are overdue and parts that wait while no bind is bound; runs on the timer thread. */
    private void sweep() {
        try {
            long now = System.nanoTime();
            for (SmppBind bind : binds) {
                AsyncSubmitSession session = bind.boundSession();
                if (session != null) {
                    session.expireOverdue(now);
                }
            }
            drainWaiting();
        } catch (RuntimeException e) {
            log.warn("{}: submit sweep failed: {}", carrierId(), e.toString());
        }
    }

    /**
     * Starts waiting parts while some bind has room. Any thread may call it; one drains at a time and the
     * others only ask it for one more round, so a slot freed by an answer and a part queued at the same moment
     * never miss each other, and completions that start the next part cannot recurse without bound.
     */
    private void drainWaiting() {
        if (drainRequests.getAndIncrement() != 0) {
            return;
        }
        int requests = 1;
        do {
            startWaitingParts();
            requests = drainRequests.addAndGet(-requests);
        } while (requests != 0);
    }

    private void startWaitingParts() {
        while (!waiting.isEmpty()) {
            Slot slot = takeSlot();
            if (slot == null) {
                if (!isAvailable() || closed) {
                    failWaiting(closed ? "the connection to " + carrierId() + " is closed"
                            : "no bound SMPP session to " + carrierId());
                }
                return;
            }
            MessageSubmit part = waiting.poll();
            if (part == null) {
                slot.release();
                return;
            }
            long turnIn = pacer.reserveTurn() - System.nanoTime();
            if (turnIn <= 0) {
                part.write(slot);
                continue;
            }
            try {
                timer.schedule(() -> part.write(slot), turnIn, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                slot.release();
                part.finish(new SubmitOutcome.Retryable(-1, "the connection to " + carrierId() + " is closed"));
            }
        }
    }

    private void failWaiting(String reason) {
        MessageSubmit part;
        while ((part = waiting.poll()) != null) {
            part.finish(new SubmitOutcome.Retryable(-1, reason));
        }
    }

    /** A window slot on the next bound bind that has room, or null when none has. */
    private Slot takeSlot() {
        for (int i = 0; i < binds.size(); i++) {
            SmppBind bind = binds.get(Math.floorMod(next.getAndIncrement(), binds.size()));
            if (bind.state() != BindState.BOUND || !bind.window().tryAcquire()) {
                continue;
            }
            AsyncSubmitSession session = bind.boundSession();
            if (session != null) {
                return new Slot(bind, session);
            }
            bind.window().release();
        }
        return null;
    }

    private SubmitOutcome answer(Command response, Throwable failure, List<String> accepted) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof ResponseTimeoutException) {
                return new SubmitOutcome.TimedOut("no submit_sm_resp from " + carrierId() + " within "
                        + settings.responseTimeoutMillis() + " ms");
            }
            if (cause instanceof InvalidResponseException) {
                return new SubmitOutcome.TimedOut("unreadable submit_sm_resp from " + carrierId() + ": " + cause.getMessage());
            }
            if (cause instanceof PDUException) {
                return new SubmitOutcome.Permanent(-1, "cannot be written as a submit_sm: " + cause.getMessage());
            }
            if (cause instanceof IOException) {
                return new SubmitOutcome.Retryable(-1, "connection to " + carrierId() + ": " + cause.getMessage());
            }
            return new SubmitOutcome.Retryable(-1, "submit to " + carrierId() + " failed: " + cause);
        }
        if (response.getCommandStatus() != 0) {
            SubmitOutcome outcome = classifier.classify(response.getCommandStatus());
            if (outcome instanceof SubmitOutcome.Throttled) {
                pacer.onThrottled();
            }
            return outcome;
        }
        if (!(response instanceof SubmitSmResp resp)) {
            return new SubmitOutcome.Retryable(-1, carrierId() + " answered the submit_sm with " + response.getClass().getSimpleName());
        }
        accepted.add(resp.getMessageId());
        pacer.onAccepted();
        return new SubmitOutcome.Accepted();
    }

    /** A window slot taken on one bind; released once the part it carried is answered (or failed). */
    private record Slot(SmppBind bind, AsyncSubmitSession session) {
        void release() {
            bind.window().release();
        }
    }

    /** One message's submit in progress: its remaining parts, the ids accepted so far, and its result. */
    private final class MessageSubmit {

        final OutboundMessage message;
        final List<SubmitSmParts.Unit> units;
        final List<String> accepted = new ArrayList<>();
        final CompletableFuture<SubmitAttempt> result = new CompletableFuture<>();
        int nextUnit;

        MessageSubmit(OutboundMessage message, List<SubmitSmParts.Unit> units) {
            this.message = message;
            this.units = units;
        }

        void nextPart() {
            if (nextUnit == units.size()) {
                finish(new SubmitOutcome.Accepted());
            } else if (!isAvailable()) {
                finish(new SubmitOutcome.Retryable(-1, "no bound SMPP session to " + carrierId()));
            } else {
                waiting.add(this);
                drainWaiting();
            }
        }

        void write(Slot slot) {
            SubmitSmParts.Unit unit = units.get(nextUnit);
            SmppAddress from = SmppAddress.of(message.from());
            SmppAddress to = SmppAddress.of(message.to());
            CompletableFuture<Command> response;
            try {
                response = slot.session().submitAsync(settings.systemType().isEmpty() ? null : settings.systemType(),
                        from.ton(), from.npi(), from.address(), to.ton(), to.npi(), to.address(),
                        new ESMClass(unit.esmClass()),
                        new RegisteredDelivery(message.requestReceipt() && settings.registeredDelivery()
                                ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
                        DataCodings.newInstance(message.segments().dataCoding()), unit.shortMessage(), unit.tlvs());
            } catch (RuntimeException e) {
                response = CompletableFuture.failedFuture(e);
            }
            response.whenComplete((answer, failure) -> {
                slot.release();
                drainWaiting();
                SubmitOutcome outcome = answer(answer, failure, accepted);
                if (outcome instanceof SubmitOutcome.Accepted) {
                    nextUnit++;
                    nextPart();
                } else {
                    finish(outcome);
                }
            });
        }

        void finish(SubmitOutcome outcome) {
            result.complete(new SubmitAttempt(carrierId(), accepted, outcome));
        }
    }

    @Override
    public String describeState() {
        long bound = binds.stream().filter(b -> b.state() == BindState.BOUND).count();
        return bound + "/" + binds.size() + " binds bound to " + settings.host() + ":" + settings.port()
                + ", pace " + (Double.isInfinite(pacer.currentTps()) ? "unlimited" : String.format("%.1f/s", pacer.currentTps()));
    }

    /** Unbinds (outstanding submits fail as retryable), then fails the parts still waiting for a slot. */
    @Override
    public void close() {
        closed = true;
        binds.forEach(SmppBind::close);
        // Parts already waiting for their pacing turn still run then, and fail on the closed session.
        timer.shutdown();
        drainWaiting();
    }
}

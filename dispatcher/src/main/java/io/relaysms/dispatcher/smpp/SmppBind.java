package io.relaysms.dispatcher.smpp;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transceiver bind to an SMSC, kept open by its own thread ({@code smpp-<carrier>-<n>}): connect and bind,
 * stay bound (jSMPP sends enquire_link every interval and closes the session when one goes unanswered), and
 * after any loss reconnect with exponential backoff. The transitions are those of {@link BindState}. A window
 * semaphore bounds the submits in flight on this bind (taken without waiting by {@link SmppConnection}); when a
 * session is lost its outstanding submits fail at once. deliver_sm received on it go to the receiver, and are
 * answered from the bind's answer thread ({@code smpp-<carrier>-<n>-answers}) once stored ({@link DeliverSmAnswers}).
 */
public final class SmppBind implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppBind.class);

    private final SmppCarrierSettings settings;
    private final String name;
    private final DeliverSmReceiver receiver;
    private final ExecutorService answers;
    private final Semaphore window;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicLong binds = new AtomicLong();
    private final Thread keeper;
    private BindState state = BindState.CONNECTING;
    private AsyncSubmitSession session;

    public SmppBind(SmppCarrierSettings settings, int index, DeliverSmReceiver receiver) {
        this.settings = settings;
        this.name = "smpp-" + settings.carrierId() + "-" + index;
        this.receiver = receiver;
        this.answers = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name + "-answers");
            thread.setDaemon(true);
            return thread;
        });
        this.window = new Semaphore(settings.window());
        this.keeper = new Thread(this::keepBound, name);
        keeper.setDaemon(true);
    }

    public SmppBind start() {
        keeper.start();
        return this;
    }

    public BindState state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    /** The session to submit on, or null when not bound. */
    AsyncSubmitSession boundSession() {
        lock.lock();
        try {
            return state == BindState.BOUND ? session : null;
        } finally {
            lock.unlock();
        }
    }

    Semaphore window() {
        return window;
    }

    /** How many times this bind has been established (1 after the first bind, 2 after a reconnect...). */
    public long bindCount() {
        return binds.get();
    }

    /** Waits until bound or the timeout passes; answers whether it is bound. */
    public boolean awaitBound(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (state != BindState.BOUND && state != BindState.CLOSED) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return state == BindState.BOUND;
        } finally {
            lock.unlock();
        }
    }

    private void keepBound() {
        long backoff = settings.reconnectInitialMillis();
        while (transition(BindState.CONNECTING)) {
            AsyncSubmitSession opened = open();
            boolean handedOver = false;
            try {
                opened.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX,
                        settings.systemId(), settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.UNKNOWN, null), settings.bindTimeoutMillis());
                handedOver = bound(opened);
                if (!handedOver) {
                    opened.unbindAndClose();
                    return;
                }
                binds.incrementAndGet();
                backoff = settings.reconnectInitialMillis();
                log.info("{}: bound to {}:{} as '{}'", name, settings.host(), settings.port(), settings.systemId());
                awaitLoss(opened);
            } catch (IOException | RuntimeException e) {
                log.warn("{}: cannot bind to {}:{}: {}", name, settings.host(), settings.port(), e.getMessage());
            } finally {
                // A session that close() took over is unbound there; any other one is closed here.
                if (!handedOver || state() != BindState.CLOSED) {
                    opened.close();
                }
                opened.failOutstanding("the SMPP session to " + settings.carrierId() + " was lost");
            }
            if (!transition(BindState.WAITING_TO_RECONNECT) || !pause(backoff)) {
                return;
            }
            backoff = Math.min(settings.reconnectMaxMillis(), backoff * 2);
        }
    }

    private AsyncSubmitSession open() {
        DeliverSmAnswers deliveries = new DeliverSmAnswers(name, receiver, this::writeAnswer);
        AsyncSubmitSession opened = new AsyncSubmitSession(deliveries, new BoundedPduReader(),
                new NoDelayConnectionFactory(settings.tls(), settings.tlsTrustAll(), (int) settings.bindTimeoutMillis()));
        opened.setEnquireLinkTimer(settings.enquireLinkMillis());
        opened.setTransactionTimer(settings.responseTimeoutMillis());
        opened.setPduProcessorDegree(Math.max(3, Math.min(16, settings.window())));
        opened.setQueueCapacity(Math.max(100, settings.window() * 4));
        opened.setMessageReceiverListener(deliveries);
        opened.addSessionStateListener((now, before, source) -> {
            if (!now.isBound()) {
                // No submit_sm_resp can come any more: the parts go back as retryable now, not at their timeout.
                opened.failOutstanding("the SMPP session to " + settings.carrierId() + " was lost (" + now + ")");
                signal();
            }
        });
        return opened;
    }

    /** CONNECTING -> BOUND, unless close() came first. */
    private boolean bound(AsyncSubmitSession opened) {
        lock.lock();
        try {
            if (state == BindState.CLOSED) {
                return false;
            }
            session = opened;
            state = BindState.BOUND;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void awaitLoss(AsyncSubmitSession opened) throws IOException {
        lock.lock();
        try {
            while (state == BindState.BOUND && opened.getSessionState().isBound()) {
                changed.await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (state == BindState.BOUND) {
                session = null;
            }
            lock.unlock();
        }
        SessionState last = opened.getSessionState();
        if (state() != BindState.CLOSED) {
            log.warn("{}: session lost (state {}), reconnecting", name, last);
        }
    }

    private boolean pause(long millis) {
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            long left;
            while (state != BindState.CLOSED && (left = deadline - System.nanoTime()) > 0) {
                changed.awaitNanos(left);
            }
            return state != BindState.CLOSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Moves to {@code next} unless closed; answers whether it did. */
    private boolean transition(BindState next) {
        lock.lock();
        try {
            if (state == BindState.CLOSED) {
                return false;
            }
            if (next != BindState.BOUND) {
                session = null;
            }
            state = next;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Unbinds a bound session and stops reconnecting. The wait for unbind_resp is the shorter of the response and
     * bind timeouts: a long response timeout is for a carrier's slow submits, and jSMPP does not end the wait when the
     * connection dies under it (SmppConnectionIT, with a ten-minute response timeout, once waited that long here).
     */
    @Override
    public void close() {
        AsyncSubmitSession last;
        lock.lock();
        try {
            last = session;
            session = null;
            state = BindState.CLOSED;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (last != null) {
            last.setTransactionTimer(Math.min(settings.responseTimeoutMillis(), settings.bindTimeoutMillis()));
            last.unbindAndClose();
            last.failOutstanding("the SMPP session to " + settings.carrierId() + " was closed");
        }
        try {
            keeper.join(settings.bindTimeoutMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answers.shutdown();
    }

    private void writeAnswer(Runnable write) {
        try {
            answers.execute(write);
        } catch (RejectedExecutionException e) {
            // Closed: the session is gone too, and the carrier sends unanswered deliver_sm again on its next bind.
        }
    }

    @Override
    public String toString() {
        return name + " " + state();
    }
}

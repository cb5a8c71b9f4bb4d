package io.relaysms.simulator.smpp;

import io.relaysms.simulator.behaviour.CommandStatuses;
import io.relaysms.simulator.metrics.SimulatorMetrics;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BindType;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMSC's SMPP side: listens, accepts connections (TCP_NODELAY), runs each bind handshake on its own
 * thread, registers bound sessions and forgets closed ones. Closing stops accepting, unbinds every session
 * (waiting for unbind_resp at most the response timeout) and closes what is left.
 */
public final class SmppServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmppServer.class);
    private static final long REFUSED_CLOSE_DELAY_MILLIS = 1_000;

    private final SmppServerSettings settings;
    private final BindAuthenticator authenticator;
    private final SessionRegistry sessions;
    private final SimulatorMetrics metrics;
    private final CommandStatuses statuses;
    private final Clock clock;
    private final Set<SMPPServerSession> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService handshakes;
    private final SMPPServerSessionListener listener;
    private final NoDelayServerConnectionFactory connections;
    private final Thread acceptor;
    private final ScheduledExecutorService closer;
    private volatile boolean running = true;

    public SmppServer(SmppServerSettings settings, Accounts accounts, SessionRegistry sessions, SubmitHandler submits,
                      SimulatorMetrics metrics, CommandStatuses statuses, Clock clock) throws IOException {
        this.settings = settings;
        this.authenticator = new BindAuthenticator(accounts, sessions);
        this.sessions = sessions;
        this.metrics = metrics;
        this.statuses = statuses;
        this.clock = clock;
        AtomicInteger handshakeThreads = new AtomicInteger();
        this.handshakes = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "simulator-smpp-bind-" + handshakeThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.closer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulator-smpp-closer");
            t.setDaemon(true);
            return t;
        });
        this.connections = new NoDelayServerConnectionFactory(InetAddress.getByName(settings.host()));
        this.listener = new SMPPServerSessionListener(settings.port(), connections);
        listener.setPduProcessorDegree(settings.processorThreads());
        listener.setQueueCapacity(settings.queueCapacity());
        listener.setInitiationTimer(settings.bindTimeoutMillis());
        listener.setMessageReceiverListener(submits);
        listener.setResponseDeliveryListener(submits);
        listener.setSessionStateListener(this::onStateChange);
        metrics.gauge("simulator.binds.active", "sessions bound now", () -> sessions.all().size());
        this.acceptor = new Thread(this::acceptLoop, "simulator-smpp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return connections.boundPort();
    }

    public void acceptBinds(boolean accepting) {
        authenticator.acceptBinds(accepting);
    }

    public boolean acceptingBinds() {
        return authenticator.acceptingBinds();
    }

    /** Ends every bind now, with an unbind or by dropping the connection; answers how many there were. */
    public int dropBinds(boolean unbindFirst) {
        List<BoundSession> bound = sessions.all();
        for (BoundSession session : bound) {
            if (unbindFirst) {
                handshakes.execute(session::unbindAndClose);
            } else {
                session.drop();
            }
        }
        return bound.size();
    }

    private void acceptLoop() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                open.add(session);
                handshakes.execute(() -> handshake(session));
            } catch (IOException e) {
                if (running) {
                    LOG.warn("accepting SMPP connections failed: {}", e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.warn("accepting SMPP connection failed", e);
            }
        }
    }

    private void handshake(SMPPServerSession session) {
        session.setEnquireLinkTimer(settings.enquireLinkMillis());
        session.setTransactionTimer(settings.responseTimeoutMillis());
        BindRequest request;
        try {
            request = session.waitForBind(settings.bindTimeoutMillis());
        } catch (TimeoutException | IllegalStateException e) {
            LOG.info("connection from {} did not bind in time", session.getInetAddress());
            session.close();
            return;
        }
        String systemId = request.getSystemId();
        try {
            Optional<Integer> refusal = authenticator.refusal(request);
            if (refusal.isPresent()) {
                metrics.bind(systemId, "refused");
                LOG.info("bind {} of '{}' from {} refused: {}", request.getBindType(), systemId, session.getInetAddress(),
                        statuses.name(refusal.get()));
                request.reject(refusal.get());
                // Closing at once can make the ESME see the close before the bind_resp; give it a moment.
                closer.schedule(session::close, REFUSED_CLOSE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
                return;
            }
            BoundSession bound = new BoundSession(session, systemId, request.getBindType(), clock.instant());
            sessions.register(bound);
            request.accept(settings.smscSystemId());
            sessions.activate(bound);
            metrics.bind(systemId, "accepted");
            LOG.info("bound {} '{}' from {} as session {}", describe(request.getBindType()), systemId,
                    bound.remoteAddress(), bound.sessionId());
        } catch (Exception e) {
            LOG.warn("bind of '{}' failed: {}", systemId, e.getMessage());
            sessions.unregister(session.getSessionId());
            session.close();
        }
    }

    private void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (newState == SessionState.CLOSED) {
            sessions.unregister(source.getSessionId());
            open.removeIf(s -> s.getSessionId().equals(source.getSessionId()));
            LOG.debug("session {} closed (was {})", source.getSessionId(), oldState);
        }
    }

    private static String describe(BindType type) {
        return switch (type) {
            case BIND_TX -> "transmitter";
            case BIND_RX -> "receiver";
            case BIND_TRX -> "transceiver";
        };
    }

    @Override
    public void close() {
        running = false;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing the SMPP listener: {}", e.getMessage());
        }
        closer.shutdownNow();
        List<Future<?>> unbinds = new ArrayList<>();
        for (SMPPServerSession session : List.copyOf(open)) {
            if (session.getSessionState().isBound()) {
                unbinds.add(handshakes.submit(session::unbindAndClose));
            } else {
                session.close();
            }
        }
        try {
            for (Future<?> unbind : unbinds) {
                unbind.get(settings.responseTimeoutMillis() + 1_000L, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.debug("unbinding on close: {}", e.getMessage());
        }
        // Interrupts handshakes still waiting for a bind that will not come.
        handshakes.shutdownNow();
        List.copyOf(open).forEach(SMPPServerSession::close);
        try {
            handshakes.awaitTermination(2, TimeUnit.SECONDS);
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

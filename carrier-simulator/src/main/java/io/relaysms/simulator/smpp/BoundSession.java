package io.relaysms.simulator.smpp;

import io.relaysms.simulator.delivery.OutboundDeliver;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.InvalidResponseException;

/**
 * One ESME connection that asked to bind as an account: its bind type, when it bound, its per-rule
 * throughput limiters, and the operations the carrier performs on it (deliver, unbind, drop).
 * Registered before the bind is answered so that a submit sent right after bind_resp finds it;
 * {@link #isBound()} turns true once bind_resp went out, and only then do deliveries use it.
 */
public final class BoundSession {

    private final SMPPServerSession session;
    private final String systemId;
    private final BindType bindType;
    private final Instant boundAt;
    private final Map<String, TokenBucket> limiters = new ConcurrentHashMap<>();
    private volatile boolean bound;

    BoundSession(SMPPServerSession session, String systemId, BindType bindType, Instant boundAt) {
        this.session = session;
        this.systemId = systemId;
        this.bindType = bindType;
        this.boundAt = boundAt;
    }

    public String sessionId() {
        return session.getSessionId();
    }

    public String systemId() {
        return systemId;
    }

    public BindType bindType() {
        return bindType;
    }

    public Instant boundAt() {
        return boundAt;
    }

    public String remoteAddress() {
        return session.getInetAddress().getHostAddress() + ":" + session.getPort();
    }

    public boolean isBound() {
        return bound;
    }

    void markBound() {
        bound = true;
    }

    /** Receipts and MOs go to receiver and transceiver binds only (SMPP 3.4, 2.2.1). */
    public boolean canReceive() {
        return bindType == BindType.BIND_RX || bindType == BindType.BIND_TRX;
    }

    /** Takes one submit from the limiter of the given rule; false means throttle. */
    public boolean tryAcquire(String rule, int perSecond, long nowNanos) {
        if (perSecond <= 0) {
            return true;
        }
        TokenBucket bucket = limiters.compute(rule, (r, existing) ->
                existing != null && existing.perSecond() == perSecond ? existing : new TokenBucket(perSecond, nowNanos));
        return bucket.tryAcquire(nowNanos);
    }

    /** Sends the deliver_sm and waits for deliver_sm_resp. */
    public void deliver(OutboundDeliver d) throws PDUException, ResponseTimeoutException, InvalidResponseException,
            NegativeResponseException, IOException {
        session.deliverShortMessage("",
                d.source().typeOfNumber(), d.source().numberingPlan(), d.source().address(),
                d.destination().typeOfNumber(), d.destination().numberingPlan(), d.destination().address(),
                new ESMClass(d.esmClass()), (byte) 0, (byte) 0, new RegisteredDelivery(0),
                new RawDataCoding((byte) d.dataCoding()), d.shortMessage(), d.parameters());
    }

    /** Ends the bind as a carrier under maintenance does: unbind, wait for unbind_resp, close. */
    public void unbindAndClose() {
        session.unbindAndClose();
    }

    /** Drops the connection without a word, as a network failure does. */
    public void drop() {
        session.close();
    }
}

package io.relaysms.dispatcher.carrier;

import java.util.concurrent.CompletableFuture;

/**
 * A configured carrier route that messages can be submitted through (SMPP binds or an HTTP API). Submits are
 * asynchronous and thread-safe; the caller keeps at most {@link #window()} of them unfinished at once.
 */
public interface CarrierConnection extends AutoCloseable {

    String carrierId();

    /** Whether a submit has a chance now (a bound session, or an HTTP carrier that is not known to be down). */
    boolean isAvailable();

    /** How many submits may be in flight at once over this connection. */
    int window();

    /** Whether the carrier counts segments (true) or messages (false) against a number's limit. */
    boolean countsSegments();

    /**
     * Submits the message's parts from {@code message.firstPart()} on. The future completes normally with
     * every carrier answer, timeout and lost connection (sorted into {@link SubmitOutcome}); it does not
     * block the caller beyond handing the request over.
     */
    CompletableFuture<SubmitAttempt> submit(OutboundMessage message);

    /** A one-line state for health checks, e.g. "2/2 binds bound". */
    String describeState();

    @Override
    void close();
}

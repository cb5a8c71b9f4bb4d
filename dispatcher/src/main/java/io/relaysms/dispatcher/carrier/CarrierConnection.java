package io.relaysms.dispatcher.carrier;

/**
 * A configured carrier route that messages can be submitted through (SMPP binds or an HTTP API). Submits are
 * blocking and thread-safe; the caller runs as many at once as {@link #window()} says.
 */
public interface CarrierConnection extends AutoCloseable {

    String carrierId();

    /** Whether a submit has a chance now (a bound session, or an HTTP carrier that is not known to be down). */
    boolean isAvailable();

    /** How many submits may be in flight at once over this connection. */
    int window();

    /** Whether the carrier counts segments (true) or messages (false) against a number's limit. */
    boolean countsSegments();

    /** Submits the message's parts from {@code message.firstPart()} on; never throws for a carrier's answer. */
    SubmitAttempt submit(OutboundMessage message) throws InterruptedException;

    /** A one-line state for health checks, e.g. "2/2 binds bound". */
    String describeState();

    @Override
    void close();
}

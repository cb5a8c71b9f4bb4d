package io.relaysms.dispatcher.smpp;

/**
 * The life of one bind, in one place (style.md 9). {@code CONNECTING -> BOUND} when bind_resp says OK;
 * {@code BOUND -> WAITING_TO_RECONNECT} when the SMSC unbinds, the connection drops or enquire_link goes
 * unanswered; {@code CONNECTING -> WAITING_TO_RECONNECT} when the connection or bind fails (the half-open
 * session is always closed first); {@code WAITING_TO_RECONNECT -> CONNECTING} after the backoff; any state
 * {@code -> CLOSED} on close, which unbinds a bound session first. Only {@code BOUND} takes submits.
 */
public enum BindState {
    CONNECTING, BOUND, WAITING_TO_RECONNECT, CLOSED
}

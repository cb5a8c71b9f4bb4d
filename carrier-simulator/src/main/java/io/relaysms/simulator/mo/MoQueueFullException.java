package io.relaysms.simulator.mo;

/** The account's delivery queue has no room for the MO; the admin API answers it as 503. */
public class MoQueueFullException extends RuntimeException {

    public MoQueueFullException(String message) {
        super(message);
    }
}

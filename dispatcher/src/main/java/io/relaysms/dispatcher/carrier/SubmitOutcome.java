package io.relaysms.dispatcher.carrier;

/**
 * Every answer a carrier can give to a submit, sorted into a closed set. Retries and dispatch events follow
 * from this set alone: {@link Accepted} is final, {@link Permanent} is final (REJECTED), {@link Throttled},
 * {@link Retryable} and {@link TimedOut} are tried again with backoff until the message's validity ends.
 * {@code code} is the SMPP command_status or the HTTP status; -1 when there was no answer at all.
 */
public sealed interface SubmitOutcome {

    int code();

    String description();

    /** The carrier took every remaining part. */
    record Accepted() implements SubmitOutcome {
        @Override
        public int code() {
            return 0;
        }

        @Override
        public String description() {
            return "accepted";
        }
    }

    /** The carrier refused for load (ESME_RTHROTTLED, ESME_RMSGQFUL, HTTP 429): slow the connection down. */
    record Throttled(int code, String description) implements SubmitOutcome {
    }

    /** A transient failure (system error, connection lost, no bound session): try again later. */
    record Retryable(int code, String description) implements SubmitOutcome {
    }

    /** The carrier will never take this message as it is (bad address, bad length, barred): give up. */
    record Permanent(int code, String description) implements SubmitOutcome {
    }

    /**
     * No answer in time: the carrier may or may not have taken the part. It is tried again (at-least-once
     * into the carrier), and counted, since that retry is the one way a part can reach a handset twice.
     */
    record TimedOut(String description) implements SubmitOutcome {
        @Override
        public int code() {
            return -1;
        }
    }
}

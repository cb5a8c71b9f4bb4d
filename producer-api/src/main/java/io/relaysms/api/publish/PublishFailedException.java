package io.relaysms.api.publish;

/**
 * The broker did not take a request's records in time. {@link #outcomeKnown()} tells whether nothing was written
 * (the transaction was never committed) or whether the commit itself went unanswered, in which case the records
 * may still appear, all together; a retry with the same repeatability ids is deduplicated either way.
 */
public final class PublishFailedException extends RuntimeException {

    private final boolean outcomeKnown;

    public PublishFailedException(String message, boolean outcomeKnown, Throwable cause) {
        super(message, cause);
        this.outcomeKnown = outcomeKnown;
    }

    public boolean outcomeKnown() {
        return outcomeKnown;
    }
}

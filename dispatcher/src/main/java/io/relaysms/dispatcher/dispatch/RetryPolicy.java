package io.relaysms.dispatcher.dispatch;

import java.time.Duration;

/**
 * When a message that met a transient error (throttled, retryable, timed out, no connection) is tried again:
 * exponential backoff from {@code initial}, doubling per attempt up to {@code max}. Retries go on until the
 * next one would fall after the message's validity; then the message is FAILED.
 */
public record RetryPolicy(Duration initial, Duration max) {

    long delayMillis(int attempt) {
        int doublings = Math.max(0, Math.min(30, attempt - 1));
        long delay = initial.toMillis() << doublings;
        return Math.min(max.toMillis(), delay < 0 ? Long.MAX_VALUE : delay);
    }
}

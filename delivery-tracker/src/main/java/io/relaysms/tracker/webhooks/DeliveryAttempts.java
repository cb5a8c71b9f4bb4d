package io.relaysms.tracker.webhooks;

import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one subscriber's events to the end: delivered (any 2xx), or dead-lettered, either at once when the subscriber
 * refuses an event for good (400, 403, 413, as Event Grid treats them) or when the {@link BackoffSchedule} gives up.
 * Other failures (5xx, 404, 429, timeouts, refused connections) are retried on the schedule, on this subscriber's own
 * timer thread. {@code done} is called exactly once per event, after which its offset may be committed; a dead
 * letter the broker does not take is retried, so the event is never marked done without landing somewhere.
 */
final class DeliveryAttempts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);
    private static final Set<Integer> REFUSED_FOR_GOOD = Set.of(400, 403, 413);

    private final WebhookSubscription subscription;
    private final WebhookSender sender;
    private final BackoffSchedule backoff;
    private final WebhookDeadLetters deadLetters;
    private final Clock clock;
    private final WebhookMetrics metrics;
    private final Consumer<Delivery> done;
    private final ScheduledExecutorService timer;
    private volatile boolean closed;

    DeliveryAttempts(WebhookSubscription subscription, WebhookSender sender, BackoffSchedule backoff,
                     WebhookDeadLetters deadLetters, Clock clock, WebhookMetrics metrics, Consumer<Delivery> done) {
        this.subscription = subscription;
        this.sender = sender;
        this.backoff = backoff;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.metrics = metrics;
        this.done = done;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-" + subscription.name() + "-retries");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(Delivery delivery) {
        attempt(delivery);
    }

    private void attempt(Delivery delivery) {
        if (closed) {
            return;
        }
        sender.post(delivery.body()).whenComplete((status, error) -> {
            if (error == null && status / 100 == 2) {
                metrics.delivered();
                done.accept(delivery);
                return;
            }
            String failure = error == null ? "HTTP " + status : describe(error);
            delivery.failed(failure);
            if (error == null && REFUSED_FOR_GOOD.contains(status)) {
                deadLetter(delivery, "the subscriber refused the event (" + failure + ")");
                return;
            }
            Instant now = clock.instant();
            backoff.nextAttempt(delivery.failures(), delivery.writtenAt(), now).ifPresentOrElse(at -> {
                metrics.retryScheduled();
                later(() -> attempt(delivery), Duration.between(now, at));
            }, () -> deadLetter(delivery, "not delivered within " + backoff.giveUpAfter() + " of being written, after "
                    + delivery.failures() + " attempts; last failure: " + failure));
        });
    }

    private void deadLetter(Delivery delivery, String reason) {
        if (closed) {
            return;
        }
        log.warn("webhook {}: event {} dead-lettered: {}", subscription.name(), delivery.eventId(), reason);
        deadLetters.publish(subscription, delivery, reason).whenComplete((metadata, error) -> {
            if (error == null) {
                metrics.deadLettered();
                done.accept(delivery);
            } else {
                log.warn("webhook {}: dead letter of {} not written ({}), trying again", subscription.name(),
                        delivery.eventId(), error.getMessage());
                later(() -> deadLetter(delivery, reason), Duration.ofSeconds(1));
            }
        });
    }

    private void later(Runnable task, Duration delay) {
        if (!closed) {
            timer.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "timed out";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }
}

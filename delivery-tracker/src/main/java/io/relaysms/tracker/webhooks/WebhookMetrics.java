package io.relaysms.tracker.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/** Meters of one subscriber: what happened to its events, and how many are in flight. */
final class WebhookMetrics {

    private final Counter delivered;
    private final Counter retried;
    private final Counter deadLettered;
    private final Counter skipped;
    private final Counter undecodable;

    WebhookMetrics(MeterRegistry registry, String subscriber, Supplier<Number> inFlight) {
        this.delivered = outcome(registry, subscriber, "delivered");
        this.retried = outcome(registry, subscriber, "retry-scheduled");
        this.deadLettered = outcome(registry, subscriber, "dead-lettered");
        this.skipped = outcome(registry, subscriber, "not-requested");
        this.undecodable = outcome(registry, subscriber, "undecodable");
        Gauge.builder("relay.tracker.webhook.in.flight", inFlight).tag("subscriber", subscriber)
                .description("Events being delivered or waiting for a retry").register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String subscriber, String outcome) {
        return Counter.builder("relay.tracker.webhook.events").tag("subscriber", subscriber).tag("outcome", outcome)
                .description("Webhook events by what happened to them").register(registry);
    }

    void delivered() {
        delivered.increment();
    }

    void retryScheduled() {
        retried.increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void skipped() {
        skipped.increment();
    }

    void undecodable() {
        undecodable.increment();
    }
}

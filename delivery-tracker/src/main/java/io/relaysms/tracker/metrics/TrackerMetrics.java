package io.relaysms.tracker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The tracker's own meters (Kafka Streams' and the clients' meters are bound separately). Counters are cheap and
 * thread-safe, so processors on any stream thread share one instance.
 */
public final class TrackerMetrics {

    private final MeterRegistry registry;
    private final Counter indexed;
    private final Counter matched;
    private final Counter matchedByGuess;
    private final Counter held;
    private final Counter heldThenMatched;
    private final Counter unmatched;
    private final Timer receiptToReport;

    public TrackerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.indexed = Counter.builder("relay.tracker.submissions.indexed")
                .description("Submitted segments indexed for receipt matching").register(registry);
        this.matched = Counter.builder("relay.tracker.receipts.matched").tag("reading", "configured-or-text")
                .description("Receipts matched to a submitted segment").register(registry);
        this.matchedByGuess = Counter.builder("relay.tracker.receipts.matched").tag("reading", "guessed")
                .description("Receipts matched to a submitted segment").register(registry);
        this.held = Counter.builder("relay.tracker.receipts.held")
                .description("Receipts that arrived before any submission they could match").register(registry);
        this.heldThenMatched = Counter.builder("relay.tracker.receipts.held.matched")
                .description("Held receipts matched when their submission arrived").register(registry);
        this.unmatched = Counter.builder("relay.tracker.receipts.unmatched")
                .description("Receipts no submission matched within the retention (sent to carrier-receipts-dlq)").register(registry);
        this.receiptToReport = Timer.builder("relay.tracker.receipt.to.report")
                .description("From Relay receiving the receipt that completes a message to its report being written")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void segmentIndexed() {
        indexed.increment();
    }

    public void receiptMatched(boolean guess) {
        (guess ? matchedByGuess : matched).increment();
    }

    public void receiptHeld() {
        held.increment();
    }

    public void heldReceiptMatched() {
        heldThenMatched.increment();
    }

    public void receiptUnmatched() {
        unmatched.increment();
    }

    public void reportWritten(String status, String reason) {
        registry.counter("relay.tracker.reports", "status", status, "reason", reason).increment();
    }

    public void receiptToReport(Duration latency) {
        if (!latency.isNegative()) {
            receiptToReport.record(latency);
        }
    }

    public void inboundPublished(boolean complete) {
        registry.counter("relay.tracker.inbound.messages", "complete", String.valueOf(complete)).increment();
    }

    public void inboundDeadLettered() {
        registry.counter("relay.tracker.inbound.dead.lettered").increment();
    }
}

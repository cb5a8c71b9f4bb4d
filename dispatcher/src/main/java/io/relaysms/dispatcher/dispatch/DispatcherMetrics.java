package io.relaysms.dispatcher.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.relaysms.schemas.DispatchOutcome;
import java.util.EnumMap;
import java.util.Map;

/**
 * The dispatcher's counters. The two that measure the in-flight duplicate window (design decision 2):
 * {@code dispatcher.inflight.abandoned} counts submits whose outcome this worker could not record before it
 * gave a partition up (the only messages that may reach a carrier twice), and
 * {@code dispatcher.takeover.unconfirmed} counts, on the taking-over side, requests the previous owner had read
 * but left without a final outcome: an upper bound of what it may have had in flight.
 */
public final class DispatcherMetrics {

    private final MeterRegistry registry;
    private final Map<DispatchOutcome, Counter> outcomes = new EnumMap<>(DispatchOutcome.class);
    final Counter takeoverSkipped;
    final Counter takeoverUnconfirmed;
    final Counter inflightAbandoned;
    final Counter duplicatesSkipped;
    final Counter deadLettered;
    final Counter submitTimeouts;
    final Counter transactionsAborted;
    final Counter partitionPauses;
    final Timer submitLatency;

    public DispatcherMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (DispatchOutcome outcome : DispatchOutcome.values()) {
            outcomes.put(outcome, Counter.builder("dispatcher.outcomes").tag("outcome", outcome.name())
                    .description("dispatch events written, by outcome").register(registry));
        }
        takeoverSkipped = counter("dispatcher.takeover.skipped", "requests found done by a previous owner and not sent again");
        takeoverUnconfirmed = counter("dispatcher.takeover.unconfirmed",
                "requests a previous owner had read but left without a final outcome (upper bound of its in-flight submits)");
        inflightAbandoned = counter("dispatcher.inflight.abandoned",
                "submits whose outcome could not be recorded before their partition was given up (possible duplicates)");
        duplicatesSkipped = counter("dispatcher.duplicates.skipped", "requests whose messageId was already finished");
        deadLettered = counter("dispatcher.dead.letters", "unreadable requests sent to the dead-letter topic");
        submitTimeouts = counter("dispatcher.submit.timeouts", "parts without a carrier answer in time (retried)");
        transactionsAborted = counter("dispatcher.transactions.aborted", "event transactions aborted and retried");
        partitionPauses = counter("dispatcher.partition.pauses", "times a partition was paused because a buffer was full");
        submitLatency = Timer.builder("dispatcher.submit.latency").description("one submit attempt of a message")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void outcome(DispatchOutcome outcome) {
        outcomes.get(outcome).increment();
    }

    public double count(String name) {
        Counter c = registry.find(name).counter();
        return c == null ? 0 : c.count();
    }

    public double outcomes(DispatchOutcome outcome) {
        return outcomes.get(outcome).count();
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }
}

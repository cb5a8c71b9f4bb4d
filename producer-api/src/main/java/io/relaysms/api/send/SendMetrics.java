package io.relaysms.api.send;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What the send endpoint counts: recipients by result, and requests answered 503. */
public final class SendMetrics {

    private final Counter accepted;
    private final Counter repeats;
    private final Counter failed;
    private final Counter unavailable;

    public SendMetrics(MeterRegistry registry) {
        this.accepted = Counter.builder("relay.api.send.recipients").tag("result", "accepted")
                .description("recipients of send requests, by result").register(registry);
        this.repeats = Counter.builder("relay.api.send.recipients").tag("result", "repeat").register(registry);
        this.failed = Counter.builder("relay.api.send.recipients").tag("result", "failed").register(registry);
        this.unavailable = Counter.builder("relay.api.send.unavailable")
                .description("send requests answered 503 because the broker did not take them").register(registry);
    }

    void recipients(SendSmsHandler.Plan plan) {
        for (RecipientResult result : plan.results) {
            if (!result.successful()) {
                failed.increment();
            } else if (result.repeatabilityResult().filter("rejected"::equals).isPresent()) {
                repeats.increment();
            } else {
                accepted.increment();
            }
        }
    }

    void unavailable() {
        unavailable.increment();
    }
}

package io.relaysms.simulator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The simulator's meters, in one Prometheus registry that {@code GET /metrics} scrapes: submits by answer,
 * submit answer latency, binds by outcome and bound now, receipts and MOs sent, deliveries waiting, failed
 * and dropped.
 */
public final class SimulatorMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Counter> submits = new ConcurrentHashMap<>();
    private final Map<String, Timer> answerTimes = new ConcurrentHashMap<>();

    public MeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    /** Once per submit: the meters are looked up in maps of their own, not built and registered each time. */
    public void submitAnswered(String systemId, String status, long nanos) {
        submits.computeIfAbsent(systemId + '\u0000' + status, k -> Counter.builder("simulator.submits")
                .description("submit_sm answered, by command status")
                .tags("system_id", systemId, "status", status).register(registry)).increment();
        if (nanos > 0) {
            answerTimes.computeIfAbsent(systemId, k -> Timer.builder("simulator.submit.answer")
                    .description("time from submit_sm read to answer decided")
                    .tags("system_id", systemId).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    public void bind(String systemId, String outcome) {
        Counter.builder("simulator.binds").description("bind requests, by outcome")
                .tags("system_id", systemId, "outcome", outcome).register(registry).increment();
    }

    public void delivered(String kind, String systemId) {
        Counter.builder("simulator.deliveries.sent").description("deliver_sm acknowledged by the ESME, by kind")
                .tags("kind", kind, "system_id", systemId).register(registry).increment();
    }

    public void deliveryLost(String kind, String systemId, String reason) {
        Counter.builder("simulator.deliveries.lost").description("deliver_sm given up: queue full or refused too often")
                .tags("kind", kind, "system_id", systemId, "reason", reason).register(registry).increment();
    }

    public void receiptWithheld(String systemId) {
        Counter.builder("simulator.receipts.withheld").description("receipts never sent, on purpose (receipt.never-share)")
                .tags("system_id", systemId).register(registry).increment();
    }

    public void gauge(String name, String description, String systemId, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).tags("system_id", systemId).register(registry);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    public void close() {
        registry.close();
    }
}

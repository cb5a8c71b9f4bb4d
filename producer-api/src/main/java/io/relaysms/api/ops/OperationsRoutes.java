package io.relaysms.api.ops;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.relaysms.runtime.HealthChecks;
import io.relaysms.runtime.OperationsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The unauthenticated endpoints for operators and tools: {@code GET /health} (200 UP or 503 DOWN, each check
 * named), {@code GET /metrics} (Prometheus text format) and {@code GET /openapi.json} (the OpenAPI 3 description of
 * what this server serves).
 */
public final class OperationsRoutes {

    private final HealthChecks health;
    private final PrometheusMeterRegistry metrics;
    private final byte[] openApi;

    public OperationsRoutes(HealthChecks health, PrometheusMeterRegistry metrics) {
        this.health = health;
        this.metrics = metrics;
        try (InputStream in = OperationsRoutes.class.getResourceAsStream("/io/relaysms/api/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the jar");
            }
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void health(Context ctx) {
        HealthChecks.Report report = health.report();
        ctx.status(report.healthy() ? 200 : 503).contentType("application/json").result(OperationsServer.healthBody(report));
    }

    public void metrics(Context ctx) {
        ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    public void openApi(Context ctx) {
        ctx.status(200).contentType("application/json").result(openApi);
    }
}

package io.relaysms.tracker.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.relaysms.runtime.HealthChecks;
import io.relaysms.runtime.OperationsServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracker's HTTP API: {@code GET /deliveryReports/{messageId}} (the ACS 2026-01-23 body, or 404 with RFC 7807),
 * {@code GET /messages/{messageId}/timeline} (support view), {@code GET /health} and {@code GET /metrics}
 * (Prometheus). It starts before the Streams application (whose {@code application.server} needs its port) and
 * answers 503 to queries until {@link #serve} gives it the store. Failures are rendered in one place.
 */
public final class QueryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueryServer.class);

    private final Javalin app;
    private final AtomicReference<MessageLocator> locator;

    private QueryServer(Javalin app, AtomicReference<MessageLocator> locator) {
        this.app = app;
        this.locator = locator;
    }

    public static QueryServer start(String host, int port, HealthChecks health, PrometheusMeterRegistry metrics,
                                    Duration remoteQueryTimeout) {
        ObjectMapper mapper = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
        });
        AtomicReference<MessageLocator> locator = new AtomicReference<>();
        RemoteQuery remote = new RemoteQuery(remoteQueryTimeout);
        Counter forwarded = Counter.builder("relay.tracker.queries.forwarded")
                .description("Queries answered by the instance that holds the message").register(metrics);
        app.get("/deliveryReports/{messageId}", MessageQueryHandler.deliveryReport(locator::get, remote, forwarded)::handle);
        app.get("/messages/{messageId}/timeline", MessageQueryHandler.timeline(locator::get, remote, forwarded)::handle);
        app.get("/health", ctx -> {
            HealthChecks.Report report = health.report();
            ctx.status(report.healthy() ? 200 : 503).contentType("application/json").result(OperationsServer.healthBody(report));
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        app.exception(QueryUnavailableException.class, (e, ctx) -> {
            ctx.header("Retry-After", "1");
            problem(ctx, ProblemDetails.unavailable(e.getMessage()));
        });
        app.exception(RemoteQuery.RemoteQueryException.class, (e, ctx) -> problem(ctx, ProblemDetails.badGateway(e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            log.warn("query {} {} failed", ctx.method(), ctx.path(), e);
            problem(ctx, ProblemDetails.internalError());
        });
        app.start(host, port);
        return new QueryServer(app, locator);
    }

    private static void problem(Context ctx, ProblemDetails problem) {
        // json() sets application/json, so the problem type goes on afterwards.
        ctx.status(problem.status()).json(problem).contentType(ProblemDetails.CONTENT_TYPE);
    }

    /** Starts answering queries from the given store locator. */
    public void serve(MessageLocator messages) {
        locator.set(messages);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}

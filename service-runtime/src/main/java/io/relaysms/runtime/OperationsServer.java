package io.relaysms.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The operations endpoints of a service without an HTTP API of its own (the dispatcher): {@code GET /health}
 * (200 or 503 with the checks as JSON) and {@code GET /metrics} (Prometheus text format). Services that have an
 * HTTP server expose the same two from it instead, through {@link #healthBody} and the registry's scrape.
 */
public final class OperationsServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private OperationsServer(HttpServer server) {
        this.server = server;
    }

    public static OperationsServer start(String host, int port, HealthChecks health, PrometheusMeterRegistry metrics) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "operations-http");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/health", exchange -> {
                HealthChecks.Report report = health.report();
                respond(exchange, report.healthy() ? 200 : 503, "application/json", healthBody(report));
            });
            server.createContext("/metrics", exchange ->
                    respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
            server.start();
            return new OperationsServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the operations port " + host + ":" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The JSON body of a health answer: {@code {"status":"UP|DOWN","checks":{name:{healthy,detail}}}}. */
    public static String healthBody(HealthChecks.Report report) {
        try {
            return JSON.writeValueAsString(java.util.Map.of("status", report.healthy() ? "UP" : "DOWN", "checks", report.checks()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

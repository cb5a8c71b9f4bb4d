package io.relaysms.optout.query;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.relaysms.runtime.HealthChecks;
import io.relaysms.runtime.OperationsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-out processor's HTTP server (JDK built-in): {@code GET /optouts/{from}/{to}},
 * {@code GET /usage/{from}}, {@code GET /health} (200 or 503, the checks as JSON) and {@code GET /metrics}
 * (Prometheus). Handlers are small and only handle; method checks, decoding and the one error rendering
 * ({@link HttpError} to {@code {"error":{"code","message"}}}, anything else to a 500 that is logged) live here.
 * The socket is bound at construction so the port is known before the Streams application starts.
 */
public final class QueryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueryServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private QueryServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static QueryServer start(String host, int port, StreamsAccess streams, HealthChecks health,
                                    PrometheusMeterRegistry metrics, Clock clock) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the opt-out processor's HTTP port " + host + ":" + port, e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "optout-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        route(server, "/optouts", new OptOutQueryHandler(streams));
        route(server, "/usage", new UsageQueryHandler(streams, clock));
        route(server, "/health", (uri, segments, query) -> {
            HealthChecks.Report report = health.report();
            return HttpReply.json(report.healthy() ? 200 : 503, OperationsServer.healthBody(report));
        });
        route(server, "/metrics", (uri, segments, query) ->
                new HttpReply(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape(), Map.of()));
        server.start();
        return new QueryServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void route(HttpServer server, String prefix, QueryHandler handler) {
        server.createContext(prefix, exchange -> {
            HttpReply reply;
            try {
                reply = dispatch(exchange, prefix, handler);
            } catch (HttpError e) {
                reply = new HttpReply(e.status(), "application/json", QueryJson.error(e.code(), e.getMessage()), e.headers());
            } catch (RuntimeException e) {
                log.error("GET {} failed", exchange.getRequestURI(), e);
                reply = HttpReply.json(500, QueryJson.error("InternalError", "the query failed: " + e.getMessage()));
            }
            send(exchange, reply);
        });
    }

    private static HttpReply dispatch(HttpExchange exchange, String prefix, QueryHandler handler) {
        if (!exchange.getRequestMethod().equals("GET")) {
            throw new HttpError(405, "MethodNotAllowed", "only GET is served here", Map.of("Allow", "GET"));
        }
        URI uri = exchange.getRequestURI();
        String rest = uri.getRawPath().substring(prefix.length());
        if (!rest.isEmpty() && !rest.startsWith("/")) {
            throw new HttpError(404, "NotFound", "no route for " + uri.getRawPath());
        }
        // Path segments are percent-decoded, but '+' stays '+' (only query strings use '+' for a space).
        List<String> segments = Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8)).toList();
        return handler.handle(uri, segments, query(uri.getRawQuery()));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            // In a query '+' means a space by form encoding, but an instant never has one and an offset may have a
            // '+': keep it a '+'.
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static void send(HttpExchange exchange, HttpReply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package io.relaysms.dispatcher.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.relaysms.dispatcher.inbound.InboundSink;
import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.InboundMessagePart;
import io.relaysms.schemas.ReceiptStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where HTTP carriers call back (README, "HTTP carrier API"):
 * <pre>
 * POST /carriers/{id}/receipts  {"messageId": "c-1", "status": "DELIVRD", "error": "000",
 *                                "handset": "+14255550123", "ourNumber": "+18005550100",
 *                                "submitDate": "2026-01-01T10:00:00Z", "doneDate": "2026-01-01T10:00:05Z"}
 * POST /carriers/{id}/inbound   {"from": "+14255550123", "to": "+18005550100", "text": "STOP"}
 * </pre>
 * Answers 200 once Kafka acknowledged the record, 400 for a body it cannot use (with the reason), 401 without
 * the carrier's callback token, 404 for an unknown carrier, 503 when Kafka could not take it (the carrier
 * should call again). Inbound texts are stored as UCS-2 (data_coding 8), which carries any text.
 */
public final class HttpCallbackServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, HttpCarrierSettings> carriers;
    private final InboundSink sink;
    private final Clock clock;

    private HttpCallbackServer(HttpServer server, ExecutorService executor, Map<String, HttpCarrierSettings> carriers,
                               InboundSink sink, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.carriers = Map.copyOf(carriers);
        this.sink = sink;
        this.clock = clock;
    }

    public static HttpCallbackServer start(String host, int port, Map<String, HttpCarrierSettings> carriers,
                                           InboundSink sink, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "carrier-callbacks");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            HttpCallbackServer callbacks = new HttpCallbackServer(server, executor, carriers, sink, clock);
            server.createContext("/carriers/", callbacks::handle);
            server.start();
            return callbacks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the carrier callback port " + host + ":" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            if (path.length != 4 || !"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 404, "use POST /carriers/{id}/receipts or /carriers/{id}/inbound");
                return;
            }
            HttpCarrierSettings carrier = carriers.get(path[2]);
            if (carrier == null) {
                respond(exchange, 404, "no HTTP carrier '" + path[2] + "' is configured");
                return;
            }
            if (!carrier.callbackToken().isEmpty()
                    && !("Bearer " + carrier.callbackToken()).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "missing or wrong callback token");
                return;
            }
            JsonNode body;
            try {
                body = JSON.readTree(exchange.getRequestBody());
            } catch (IOException e) {
                respond(exchange, 400, "the body is not JSON: " + e.getMessage());
                return;
            }
            try {
                switch (path[3]) {
                    case "receipts" -> sink.receipt(receipt(carrier.carrierId(), body));
                    case "inbound" -> sink.inboundPart(inbound(carrier.carrierId(), body));
                    default -> {
                        respond(exchange, 404, "unknown callback '" + path[3] + "'");
                        return;
                    }
                }
                respond(exchange, 200, "stored");
            } catch (IllegalArgumentException e) {
                respond(exchange, 400, e.getMessage());
            } catch (InboundSink.InboundStoreException e) {
                respond(exchange, 503, e.getMessage());
            }
        }
    }

    private CarrierReceipt receipt(String carrierId, JsonNode body) {
        return CarrierReceipt.newBuilder()
                .setCarrierId(carrierId)
                .setCarrierMessageId(required(body, "messageId"))
                .setStatus(status(body.path("status").asText("UNKNOWN")))
                .setErrorCode(body.hasNonNull("error") ? body.get("error").asText() : null)
                .setSubmitDate(instant(body, "submitDate"))
                .setDoneDate(instant(body, "doneDate"))
                .setHandset(required(body, "handset"))
                .setOurNumber(required(body, "ourNumber"))
                .setReceiptText(body.toString())
                .setReceivedAt(clock.instant())
                .build();
    }

    private InboundMessagePart inbound(String carrierId, JsonNode body) {
        return InboundMessagePart.newBuilder()
                .setPartId(UUID.randomUUID().toString())
                .setCarrierId(carrierId)
                .setFrom(required(body, "from"))
                .setTo(required(body, "to"))
                .setDataCoding(8)
                .setEsmClass(0)
                .setPayload(ByteBuffer.wrap(required(body, "text").getBytes(StandardCharsets.UTF_16BE)))
                .setReceivedAt(clock.instant())
                .build();
    }

    private static String required(JsonNode body, String field) {
        if (!body.hasNonNull(field) || body.get(field).asText().isEmpty()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return body.get(field).asText();
    }

    private static Instant instant(JsonNode body, String field) {
        if (!body.hasNonNull(field)) {
            return null;
        }
        try {
            return Instant.parse(body.get(field).asText());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + field + "' must be an ISO-8601 instant such as 2026-01-01T10:00:00Z");
        }
    }

    private static ReceiptStatus status(String stat) {
        try {
            return ReceiptStatus.valueOf(stat.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ReceiptStatus.UNKNOWN;
        }
    }

    private static void respond(HttpExchange exchange, int status, String message) throws IOException {
        byte[] bytes = JSON.createObjectNode().put("message", message).toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

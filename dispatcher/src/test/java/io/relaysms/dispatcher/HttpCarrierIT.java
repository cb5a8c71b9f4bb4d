package io.relaysms.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.relaysms.config.RelaySettings;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.DispatchOutcome;
import io.relaysms.schemas.InboundMessagePart;
import io.relaysms.schemas.ReceiptStatus;
import io.relaysms.schemas.SegmentSubmission;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP carrier adapter against a real HTTP server playing the carrier, and the callback endpoint. */
class HttpCarrierIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    static final String NUMBER = "+18005550150";
    static final String FAILING_OVER = "+18005550151";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    static HttpServer carrier;
    static final List<JsonNode> received = new CopyOnWriteArrayList<>();
    static final List<String> authorizations = new CopyOnWriteArrayList<>();
    static final AtomicInteger busyAnswers = new AtomicInteger();
    static final AtomicInteger ids = new AtomicInteger();
    static DispatcherService dispatcher;
    static TopicCatalog topics;
    static TestRequests requests;
    static TopicProbe<DispatchEvent> events;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        carrier = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        carrier.createContext("/api/messages", HttpCarrierIT::answer);
        carrier.start();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String prefix = kafka.uniquePrefix();
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("topics.prefix", prefix);
        settings.put("topics.partitions", "2");
        settings.put("dispatcher.operations.port", "0");
        settings.put("dispatcher.callback.port", "0");
        settings.put("dispatcher.callback.host", "127.0.0.1");
        settings.put("dispatcher.commit.interval.ms", "20");
        settings.put("dispatcher.retry.initial.ms", "100");
        settings.put("dispatcher.retry.max.ms", "300");
        settings.put("carriers.web.protocol", "http");
        settings.put("carriers.web.url", "http://127.0.0.1:" + carrier.getAddress().getPort() + "/api");
        settings.put("carriers.web.api-key", "carrier-key");
        settings.put("carriers.web.callback-token", "callback-token");
        settings.put("carriers.down.protocol", "http");
        settings.put("carriers.down.url", "http://127.0.0.1:" + closedPort + "/api");
        settings.put("carriers.down.timeout-ms", "1000");
        settings.put("numbers." + NUMBER + ".type", "toll-free");
        settings.put("numbers." + NUMBER + ".route", "web");
        settings.put("numbers." + NUMBER + ".rate-limit.per-minute", "60000");
        settings.put("numbers." + FAILING_OVER + ".type", "toll-free");
        settings.put("numbers." + FAILING_OVER + ".route", "down");
        settings.put("numbers." + FAILING_OVER + ".failover-route", "web");
        settings.put("numbers." + FAILING_OVER + ".rate-limit.per-minute", "60000");
        dispatcher = DispatcherService.start(RelaySettings.of(settings));
        topics = TopicCatalog.create(new TopicSettings(prefix, 2, (short) -1), Map.of());
        requests = new TestRequests(kafka.bootstrapServers(), topics.smsRequests());
        events = new TopicProbe<>(kafka.bootstrapServers(), topics.dispatchEvents().name(),
                topics.dispatchEvents().valueSerde().deserializer());
        await().atMost(WAIT).until(dispatcher::hasJoinedGroup);
    }

    /** The carrier: 429 for "+14255550202" while busyAnswers lasts, 400 for "+14255550203", else 202 with ids. */
    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            received.add(body);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String to = body.path("to").asText();
            if (to.equals("+14255550202") && busyAnswers.getAndDecrement() > 0) {
                reply(exchange, 429, "{\"error\":\"slow down\"}");
            } else if (to.equals("+14255550203")) {
                reply(exchange, 400, "{\"error\":\"invalid destination\"}");
            } else {
                StringBuilder list = new StringBuilder();
                for (int i = 0; i < body.path("segments").asInt(1); i++) {
                    list.append(i == 0 ? "" : ",").append("\"H-").append(ids.incrementAndGet()).append('"');
                }
                reply(exchange, 202, "{\"ids\":[" + list + "]}");
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @AfterAll
    static void stop() {
        events.close();
        requests.close();
        dispatcher.close();
        carrier.stop(0);
    }

    private static DispatchEvent finalEventOf(String messageId) {
        await().atMost(WAIT).until(() -> events.values(e -> e.getMessageId().equals(messageId) && isFinal(e)).size() == 1);
        return events.values(e -> e.getMessageId().equals(messageId) && isFinal(e)).get(0);
    }

    private static boolean isFinal(DispatchEvent e) {
        return e.getOutcome() != DispatchOutcome.THROTTLED && e.getOutcome() != DispatchOutcome.RETRYING;
    }

    private static SmsRequest send(SmsRequest request) {
        requests.send(request);
        requests.flush();
        return request;
    }

    private static HttpResponse<String> callback(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dispatcher.callbackPort().orElseThrow() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void submitsAMessageAsJsonAndRecordsTheCarriersIdsPerSegment() {
        SmsRequest request = send(TestRequests.request(NUMBER, "+14255550201", "x".repeat(200)).build());

        DispatchEvent event = finalEventOf(request.getMessageId());

        assertThat(event.getOutcome()).isEqualTo(DispatchOutcome.SUBMITTED);
        assertThat(event.getCarrierId()).isEqualTo("web");
        assertThat(event.getSegments()).extracting(SegmentSubmission::getCarrierMessageId).hasSize(2).allMatch(id -> id.startsWith("H-"));
        JsonNode body = received.stream().filter(b -> b.path("reference").asText().equals(request.getMessageId())).findFirst().orElseThrow();
        assertThat(body.path("from").asText()).isEqualTo(NUMBER);
        assertThat(body.path("text").asText()).isEqualTo("x".repeat(200));
        assertThat(body.path("segments").asInt()).isEqualTo(2);
        assertThat(authorizations).contains("Bearer carrier-key");
    }

    @Test
    void backsOffWhileTheCarrierAnswers429() {
        busyAnswers.set(2);
        SmsRequest request = send(TestRequests.request(NUMBER, "+14255550202", "later").build());

        DispatchEvent event = finalEventOf(request.getMessageId());

        assertThat(event.getOutcome()).isEqualTo(DispatchOutcome.SUBMITTED);
        assertThat(events.values(e -> e.getMessageId().equals(request.getMessageId()) && e.getOutcome() == DispatchOutcome.THROTTLED))
                .hasSize(2).allSatisfy(e -> assertThat(e.getErrorCode()).isEqualTo(429));
    }

    @Test
    void rejectsWhatTheCarrierRefusesWithA4xx() {
        SmsRequest request = send(TestRequests.request(NUMBER, "+14255550203", "nope").build());

        DispatchEvent event = finalEventOf(request.getMessageId());

        assertThat(event.getOutcome()).isEqualTo(DispatchOutcome.REJECTED);
        assertThat(event.getErrorCode()).isEqualTo(400);
        assertThat(event.getErrorDescription()).contains("invalid destination");
    }

    @Test
    void failsOverToTheSecondRouteWhenTheFirstCannotBeReached() {
        SmsRequest request = send(TestRequests.request(FAILING_OVER, "+14255550204", "via backup").build());

        DispatchEvent event = finalEventOf(request.getMessageId());

        assertThat(event.getOutcome()).isEqualTo(DispatchOutcome.SUBMITTED);
        assertThat(event.getCarrierId()).isEqualTo("web");
        assertThat(events.values(e -> e.getMessageId().equals(request.getMessageId()) && e.getOutcome() == DispatchOutcome.RETRYING))
                .extracting(DispatchEvent::getCarrierId).containsOnly("down");
    }

    @Test
    void storesAReceiptCallbackBeforeAnsweringIt() throws Exception {
        HttpResponse<String> response = callback("/carriers/web/receipts", "callback-token",
                "{\"messageId\":\"H-77\",\"status\":\"delivrd\",\"error\":\"000\",\"handset\":\"+14255550205\","
                        + "\"ourNumber\":\"" + NUMBER + "\",\"doneDate\":\"2026-01-01T10:00:05Z\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        try (TopicProbe<CarrierReceipt> receipts = new TopicProbe<>(kafka.bootstrapServers(), topics.carrierReceipts().name(),
                topics.carrierReceipts().valueSerde().deserializer())) {
            await().atMost(WAIT).until(() -> receipts.poll().stream().anyMatch(r -> r.key().equals("web|H-77")));
            CarrierReceipt receipt = receipts.values(r -> r.getCarrierMessageId().equals("H-77")).get(0);
            assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.DELIVRD);
            assertThat(receipt.getHandset()).isEqualTo("+14255550205");
            assertThat(receipt.getDoneDate()).isEqualTo(java.time.Instant.parse("2026-01-01T10:00:05Z"));
        }
    }

    @Test
    void storesAnInboundCallbackAsUcs2() throws Exception {
        HttpResponse<String> response = callback("/carriers/web/inbound", "callback-token",
                "{\"from\":\"+14255550206\",\"to\":\"" + NUMBER + "\",\"text\":\"STOP ✋\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        try (TopicProbe<InboundMessagePart> inbound = new TopicProbe<>(kafka.bootstrapServers(), topics.inboundParts().name(),
                topics.inboundParts().valueSerde().deserializer())) {
            await().atMost(WAIT).until(() -> !inbound.values(p -> p.getFrom().equals("+14255550206")).isEmpty());
            InboundMessagePart part = inbound.values(p -> p.getFrom().equals("+14255550206")).get(0);
            assertThat(part.getDataCoding()).isEqualTo(8);
            assertThat(StandardCharsets.UTF_16BE.decode(part.getPayload()).toString()).isEqualTo("STOP ✋");
        }
    }

    @Test
    void refusesACallbackWithoutTheCarriersToken() throws Exception {
        assertThat(callback("/carriers/web/receipts", null, "{}").statusCode()).isEqualTo(401);
        assertThat(callback("/carriers/web/receipts", "wrong", "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void explainsWhatIsWrongWithACallbackBody() throws Exception {
        HttpResponse<String> notJson = callback("/carriers/web/receipts", "callback-token", "status=ok");
        HttpResponse<String> missing = callback("/carriers/web/receipts", "callback-token", "{\"status\":\"DELIVRD\"}");
        HttpResponse<String> unknown = callback("/carriers/nobody/receipts", "callback-token", "{}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not JSON");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("'messageId' is required");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}

package io.relaysms.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** GET /deliveryReports/{id} is authenticated here and answered by the delivery tracker (a stand-in server here). */
class DeliveryReportIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    @TempDir
    static Path data;

    static HttpServer tracker;
    static ApiUnderTest api;
    static final String REPORT = "{\"messageId\":\"Outgoing_1\",\"from\":\"+18005550100\",\"to\":\"+14255550123\","
            + "\"deliveryStatus\":\"Delivered\",\"deliveryStatusDetails\":\"2000: No Error\",\"deliveryAttempts\":["
            + "{\"timestamp\":\"2026-11-27T08:00:00Z\",\"segmentsSucceeded\":1,\"segmentsFailed\":0}],"
            + "\"receivedTimestamp\":\"2026-11-27T08:00:01Z\",\"tag\":\"t\"}";

    @BeforeAll
    static void start() throws Exception {
        tracker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tracker.createContext("/deliveryReports/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/deliveryReports/".length());
            boolean known = id.equals("Outgoing_1");
            byte[] body = (known ? REPORT : "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.5\",\"title\":"
                    + "\"Not Found\",\"status\":404}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", known ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tracker.start();
        Map<String, String> settings = new HashMap<>(ApiUnderTest.settings(kafka.bootstrapServers(), kafka.uniquePrefix(), data));
        settings.put("api.delivery-reports.url", "http://127.0.0.1:" + tracker.getAddress().getPort());
        api = ApiUnderTest.start(settings);
    }

    @AfterAll
    static void stop() {
        api.close();
        tracker.stop(0);
    }

    @Test
    void passesTheTrackersReportThrough() {
        HttpResponse<String> response = api.client.send("GET", "/deliveryReports/Outgoing_1?api-version=2026-01-23", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(REPORT);
    }

    @Test
    void passesTheTrackersNotFoundThrough() throws Exception {
        HttpResponse<String> response = api.client.send("GET", "/deliveryReports/Outgoing_unknown?api-version=2025-08-01-preview", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new ObjectMapper().readTree(response.body()).get("title").asText()).isEqualTo("Not Found");
    }

    @Test
    void refusesAVersionWithoutDeliveryReports() {
        assertThat(api.client.send("GET", "/deliveryReports/Outgoing_1?api-version=2021-03-07", null).statusCode()).isEqualTo(400);
    }

    @Test
    void answers503WithRetryAfterNamingTheTrackerAndTheSettingWhenTheTrackerDoesNotAnswer(@TempDir Path elsewhere) throws Exception {
        String nowhere = "http://127.0.0.1:" + closedPort();
        try (ApiUnderTest withoutTracker = ApiUnderTest.start(withTrackers(elsewhere, nowhere))) {
            HttpResponse<String> response = withoutTracker.client.send("GET", "/deliveryReports/Outgoing_1?api-version=2026-01-23", null);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.body()).contains(nowhere, "api.delivery-reports.url");
        }
    }

    @Test
    void movesOnToTheNextTrackerWhenOneIsDownOrCannotReachTheMessagesHolder(@TempDir Path elsewhere) throws Exception {
        HttpServer holderGone = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        holderGone.createContext("/deliveryReports/", exchange -> {
            byte[] body = "{\"title\":\"Bad Gateway\",\"status\":502}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(502, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        holderGone.start();
        String down = "http://127.0.0.1:" + closedPort();
        String answersBadGateway = "http://127.0.0.1:" + holderGone.getAddress().getPort();
        String working = "http://127.0.0.1:" + tracker.getAddress().getPort();
        try (ApiUnderTest api = ApiUnderTest.start(withTrackers(elsewhere, down + "," + answersBadGateway + "," + working))) {
            // Each query starts at the next tracker, so these three start once at each.
            for (int query = 0; query < 3; query++) {
                HttpResponse<String> response = api.client.send("GET", "/deliveryReports/Outgoing_1?api-version=2026-01-23", null);
                assertThat(response.statusCode()).as("query %d: %s", query, response.body()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(REPORT);
            }
        } finally {
            holderGone.stop(0);
        }
    }

    private static Map<String, String> withTrackers(Path folder, String urls) {
        Map<String, String> settings = new HashMap<>(ApiUnderTest.settings(kafka.bootstrapServers(), kafka.uniquePrefix(), folder));
        settings.put("api.delivery-reports.url", urls);
        return settings;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

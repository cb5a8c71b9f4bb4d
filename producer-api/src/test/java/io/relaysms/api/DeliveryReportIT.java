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
    void answers503WithRetryAfterWhenTheTrackerDoesNotAnswer(@TempDir Path elsewhere) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> settings = new HashMap<>(ApiUnderTest.settings(kafka.bootstrapServers(), kafka.uniquePrefix(), elsewhere));
        settings.put("api.delivery-reports.url", "http://127.0.0.1:" + closedPort);
        try (ApiUnderTest withoutTracker = ApiUnderTest.start(settings)) {
            HttpResponse<String> response = withoutTracker.client.send("GET", "/deliveryReports/Outgoing_1?api-version=2026-01-23", null);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
    }
}

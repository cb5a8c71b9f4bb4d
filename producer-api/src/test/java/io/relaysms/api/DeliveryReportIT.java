package io.relaysms.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
    void answers503WithRetryAfterNamingTheSettingWhenNoTrackerCanAnswer(@TempDir Path elsewhere) throws Exception {
        try (StandInTracker busy = StandInTracker.answering(503);
             ApiUnderTest withoutTracker = ApiUnderTest.start(withTrackers(elsewhere, "http://127.0.0.1:" + closedPort() + "," + busy.url()))) {
            HttpResponse<String> response = withoutTracker.client.send("GET", "/deliveryReports/Outgoing_1?api-version=2026-01-23", null);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.body()).contains("none of the 2 delivery tracker(s)", "api.delivery-reports.url")
                    .doesNotContain("127.0.0.1");
            assertThat(busy.hits()).isEqualTo(1);
        }
    }

    @Test
    void movesOnPastATrackerThatCannotReachTheHolderAndStartsEachQueryAtTheNext(@TempDir Path elsewhere) throws Exception {
        try (StandInTracker holderGone = StandInTracker.answering(502);
             StandInTracker working = StandInTracker.answering(200);
             ApiUnderTest api = ApiUnderTest.start(withTrackers(elsewhere, holderGone.url() + "," + working.url()))) {
            for (int query = 0; query < 4; query++) {
                HttpResponse<String> response = api.client.send("GET", "/deliveryReports/Outgoing_1?api-version=2026-01-23", null);
                assertThat(response.statusCode()).as("query %d: %s", query, response.body()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(REPORT);
            }
            // Queries 0 and 2 start at the first tracker and move on; 1 and 3 start at the second.
            assertThat(holderGone.hits()).isEqualTo(2);
            assertThat(working.hits()).isEqualTo(4);
        }
    }

    @Test
    void asksATrackerThatCouldNotBeReachedLastForAWhile(@TempDir Path elsewhere) throws Exception {
        try (StandInTracker hangsUp = StandInTracker.hangingUp();
             StandInTracker working = StandInTracker.answering(200);
             ApiUnderTest api = ApiUnderTest.start(withTrackers(elsewhere, hangsUp.url() + "," + working.url()))) {
            assertThat(api.client.send("GET", "/deliveryReports/Outgoing_1?api-version=2026-01-23", null).statusCode()).isEqualTo(200);
            // Query 0 started there and found it hanging up (the JDK's client tries a GET twice on a dropped connection).
            int hitsOfFirstQuery = hangsUp.hits();
            assertThat(hitsOfFirstQuery).isPositive();
            for (int query = 1; query < 4; query++) {
                assertThat(api.client.send("GET", "/deliveryReports/Outgoing_1?api-version=2026-01-23", null).statusCode())
                        .as("query %d", query).isEqualTo(200);
            }
            // Query 2 would have started there too, but asked the working one first.
            assertThat(hangsUp.hits()).isEqualTo(hitsOfFirstQuery);
            assertThat(working.hits()).isEqualTo(4);
        }
    }

    @Test
    void anyOtherAnswerIs502AtOnceWithoutAskingTheNextTracker(@TempDir Path elsewhere) throws Exception {
        try (StandInTracker broken = StandInTracker.answering(500);
             StandInTracker working = StandInTracker.answering(200);
             ApiUnderTest api = ApiUnderTest.start(withTrackers(elsewhere, broken.url() + "," + working.url()))) {
            HttpResponse<String> response = api.client.send("GET", "/deliveryReports/Outgoing_1?api-version=2026-01-23", null);

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).contains("answered 500");
            assertThat(working.hits()).isZero();
        }
    }

    /** A tracker stand-in on its own port that answers every query alike and counts them. */
    private static final class StandInTracker implements AutoCloseable {
        private final HttpServer server;
        private final AtomicInteger hits = new AtomicInteger();

        private StandInTracker(HttpHandler answer) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/deliveryReports/", exchange -> {
                hits.incrementAndGet();
                answer.handle(exchange);
            });
            server.start();
        }

        static StandInTracker answering(int status) throws IOException {
            return new StandInTracker(exchange -> {
                byte[] body = (status == 200 ? REPORT : "{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
        }

        /** Accepts the request and closes the connection without an answer, as a dying process does. */
        static StandInTracker hangingUp() throws IOException {
            return new StandInTracker(HttpExchange::close);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int hits() {
            return hits.get();
        }

        @Override
        public void close() {
            server.stop(0);
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

package io.relaysms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsmpp.SMPPConstant;
import org.jsmpp.extra.NegativeResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminApiIT {

    private final CarrierSimulator simulator = TestSimulators.start();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void reportsHealthWithTheSmppPort() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("smppPort").asInt()).isEqualTo(simulator.smppPort());
    }

    @Test
    void listsSubmissionsFilteredBySender() throws Exception {
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            client.submit("18005550100", "15550000001", "from the first number");
            client.submit("18005550111", "15550000001", "from the second number");

            JsonNode found = json.readTree(get("/submissions?from=%2B18005550100").body());

            assertThat(found).hasSize(1);
            assertThat(found.get(0).get("text").asText()).isEqualTo("from the first number");
            assertThat(found.get(0).get("systemId").asText()).isEqualTo("relay");
            assertThat(found.get(0).get("messageId").asText()).isEqualTo(simulator.submissions().get(0).messageId().orElseThrow());
            assertThat(found.get(0).get("receivedAt").asText()).endsWith("Z");
        }
    }

    @Test
    void countsDuplicatesAndSubmitsPerSenderPerSecond() throws Exception {
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            client.submit("18005550100", "15550000001", "same words");
            client.submit("18005550100", "15550000001", "same words");
            client.submit("18005550100", "15550000002", "same words");

            JsonNode stats = json.readTree(get("/stats").body());

            assertThat(stats.get("received").asInt()).isEqualTo(3);
            assertThat(stats.get("duplicates")).singleElement().satisfies(d -> {
                assertThat(d.get("to").asText()).isEqualTo("+15550000001");
                assertThat(d.get("count").asInt()).isEqualTo(2);
            });
            JsonNode sender = stats.get("senders").get(0);
            assertThat(sender.get("sender").asText()).isEqualTo("+18005550100");
            int perSecondTotal = 0;
            for (JsonNode count : sender.get("perSecond")) {
                perSecondTotal += count.asInt();
            }
            assertThat(perSecondTotal).isEqualTo(3);
        }
    }

    @Test
    void injectsAnMoOverHttp() throws Exception {
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            HttpResponse<String> response = post("/mo",
                    "{\"from\":\"+15550000001\",\"to\":\"+18005550100\",\"text\":\"HELP me with two parts\",\"parts\":2}");

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(json.readTree(response.body()).get("parts").asInt()).isEqualTo(2);
            await().until(() -> client.mobileOriginated().size() == 2);
        }
    }

    @Test
    void answersAnMoItCannotSendWithEveryProblem() throws Exception {
        HttpResponse<String> response = post("/mo", "{\"from\":\"\",\"to\":\"+18005550100\",\"text\":\"hi\",\"encoding\":\"ebcdic\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("problems").get(0).asText()).startsWith("encoding: must be gsm7 or ucs2");
    }

    @Test
    void answersTruncatedJsonWithWhereItEnded() throws Exception {
        HttpResponse<String> response = post("/mo", "{\"from\":\"+14255550123\",\"to\":\"+18005550100\"");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("the body is not the JSON expected", "Unexpected end-of-input", "line 1, column 1")
                .doesNotContain("Source").doesNotContain("StreamReadFeature");
    }

    @Test
    void setsAndRemovesRulesOverHttp() throws Exception {
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            HttpResponse<String> created = post("/rules",
                    "{\"name\":\"busy\",\"prefix\":\"+1555\",\"submit-error.status\":\"ESME_RTHROTTLED\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThatThrownBy(() -> client.submit("18005550100", "15550000001", "busy now"))
                    .isInstanceOfSatisfying(NegativeResponseException.class,
                            e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RTHROTTLED));

            HttpResponse<String> removed = http.send(HttpRequest.newBuilder(uri("/rules/busy")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(removed.statusCode()).isEqualTo(204);
            assertThat(client.submit("18005550100", "15550000001", "free again")).isNotBlank();
        }
    }

    @Test
    void refusesARuleWithEveryProblemListed() throws Exception {
        HttpResponse<String> response = post("/rules",
                "{\"name\":\"bad\",\"tps\":\"fast\",\"submit-error.status\":\"ESME_NOPE\",\"colour\":\"red\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("problems")).hasSize(3);
        assertThat(simulator.rules().rules()).isEmpty();
    }

    @Test
    void dropsBindsOverHttp() throws Exception {
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            HttpResponse<String> response = post("/binds:drop", "");

            assertThat(json.readTree(response.body()).get("dropped").asInt()).isEqualTo(1);
            await().until(client::isClosed);
        }
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        try (SmppTestClient client = SmppTestClient.transceiver(simulator)) {
            client.submit("18005550100", "15550000001", "count me");
        }

        assertThat(get("/metrics").body()).contains("simulator_submits_total{status=\"ESME_ROK\",system_id=\"relay\"} 1.0");
    }

    private URI uri(String path) {
        return URI.create(simulator.adminUri() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

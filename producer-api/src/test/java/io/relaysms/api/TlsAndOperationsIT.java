package io.relaysms.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS by default with a kept self-signed certificate, plain HTTP only on request, and the operations endpoints. */
class TlsAndOperationsIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void servesHttpsOnlyAndKeepsItsCertificateAcrossARestart() throws Exception {
        Map<String, String> settings = ApiUnderTest.settings(kafka.bootstrapServers(), kafka.uniquePrefix(), data);
        String firstCertificate;
        try (ApiUnderTest api = ApiUnderTest.start(settings)) {
            assertThat(api.service.httpPort()).isEmpty();
            assertThat(api.service.connectionString()).startsWith("endpoint=https://127.0.0.1:");
            firstCertificate = Files.readString(api.service.certificatePath().orElseThrow());
            assertThat(firstCertificate).startsWith("-----BEGIN CERTIFICATE-----");
        }
        try (ApiUnderTest restarted = ApiUnderTest.start(settings)) {
            assertThat(Files.readString(restarted.service.certificatePath().orElseThrow())).isEqualTo(firstCertificate);
            // the client trusts only the certificate of the first run, and still gets through
            assertThat(restarted.client.post("/sms?api-version=2021-03-07",
                    SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), "after restart")).statusCode()).isEqualTo(202);
        }
    }

    @Test
    void servesPlainHttpWhenEnabledAndTheOperationsEndpointsWithoutASignature() throws Exception {
        Map<String, String> settings = new HashMap<>(ApiUnderTest.settings(kafka.bootstrapServers(), kafka.uniquePrefix(), data));
        settings.put("api.http.enabled", "true");
        settings.put("api.http.port", "0");
        try (ApiUnderTest api = ApiUnderTest.start(settings)) {
            AcsSignedClient plain = new AcsSignedClient("endpoint=http://127.0.0.1:" + api.service.httpPort().getAsInt()
                    + "/;accesskey=" + ApiUnderTest.PRIMARY_KEY, api.service.certificatePath().orElseThrow());
            assertThat(plain.post("/sms?api-version=2021-03-07",
                    SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), "over http")).statusCode()).isEqualTo(202);

            HttpResponse<String> health = plain.send("GET", "/health", null, headers -> Map.of());
            assertThat(health.statusCode()).isEqualTo(200);
            JsonNode checks = JSON.readTree(health.body());
            assertThat(checks.get("status").asText()).isEqualTo("UP");
            assertThat(checks.get("checks").fieldNames()).toIterable().contains("publisher", "repeatability-table", "optout-table");

            HttpResponse<String> metrics = plain.send("GET", "/metrics", null, headers -> Map.of());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("relay_api_send_recipients_total", "relay_api_publish_commit_seconds");

            HttpResponse<String> openApi = plain.send("GET", "/openapi.json", null, headers -> Map.of());
            assertThat(openApi.statusCode()).isEqualTo(200);
            JsonNode paths = JSON.readTree(openApi.body()).get("paths");
            assertThat(paths.fieldNames()).toIterable().contains("/sms", "/sms/optouts:add", "/sms/optouts:remove",
                    "/sms/optouts:check", "/deliveryReports/{messageId}", "/health", "/metrics");
        }
    }
}

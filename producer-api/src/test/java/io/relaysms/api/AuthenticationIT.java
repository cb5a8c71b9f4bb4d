package io.relaysms.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.SmsRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Only requests signed as ACS signs them get through; every other one is 401 and produces nothing. */
class AuthenticationIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    @TempDir
    static Path data;

    static ApiUnderTest api;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PATH = "/sms?api-version=2021-03-07";
    static final String BODY = SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), "must not be written");

    @BeforeAll
    static void start() {
        api = ApiUnderTest.start(ApiUnderTest.settings(kafka.bootstrapServers(), kafka.uniquePrefix(), data));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private HttpResponse<String> bent(UnaryOperator<Map<String, String>> bend) {
        return api.client.send("POST", PATH, BODY, bend);
    }

    private static void assertDenied(HttpResponse<String> response, String messagePart) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        var error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("Denied");
        assertThat(error.get("message").asText()).contains(messagePart);
    }

    @AfterEach
    void nothingWasProduced() throws Exception {
        HttpResponse<String> marker = api.client.post(PATH, SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), "marker"));
        assertThat(marker.statusCode()).isEqualTo(202);
        String id = JSON.readTree(marker.body()).get("value").get(0).get("messageId").asText();
        assertThat(api.requestsThrough(id)).extracting(SmsRequest::getMessage).containsOnly("marker");
    }

    @Test
    void rejectsARequestDated16MinutesAgo() throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        Map<String, String> old = api.client.signedHeaders("POST", PATH, body, ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(16));

        assertDenied(bent(headers -> old), "away from the server's clock");
    }

    @Test
    void rejectsARequestDated16MinutesAhead() throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        Map<String, String> ahead = api.client.signedHeaders("POST", PATH, body, ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(16));

        assertDenied(bent(headers -> ahead), "away from the server's clock");
    }

    @Test
    void acceptsARequestDated14MinutesAgo() {
        byte[] body = SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), "marker").getBytes(StandardCharsets.UTF_8);
        Map<String, String> old = api.client.signedHeaders("POST", PATH, body, ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(14));

        HttpResponse<String> response = api.client.send("POST", PATH, new String(body, StandardCharsets.UTF_8), headers -> old);

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void rejectsABodyThatDoesNotMatchItsHash() throws Exception {
        HttpResponse<String> response = bent(headers -> {
            headers.put("x-ms-content-sha256", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
            return headers;
        });

        assertDenied(response, "differs from generated content hash");
    }

    @Test
    void rejectsAWrongSignature() throws Exception {
        HttpResponse<String> response = bent(headers -> {
            headers.put("Authorization", "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
                    + "bm90IHRoZSByaWdodCBzaWduYXR1cmUgYXQgYWxsISE=");
            return headers;
        });

        assertDenied(response, "signature does not match");
    }

    @Test
    void rejectsASignatureMadeWithAnotherKey() throws Exception {
        AcsSignedClient stranger = new AcsSignedClient("endpoint=https://127.0.0.1:" + api.service.httpsPort().getAsInt()
                + "/;accesskey=c29tZWJvZHktZWxzZXMta2V5LW5vdC1jb25maWd1cmVk", api.service.certificatePath().orElseThrow());

        assertDenied(stranger.post(PATH, BODY), "signature does not match");
    }

    @Test
    void rejectsASignatureOverAnotherPath() throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        Map<String, String> forOtherPath = api.client.signedHeaders("POST", "/sms?api-version=2026-01-23", body,
                ZonedDateTime.now(ZoneOffset.UTC));

        assertDenied(bent(headers -> forOtherPath), "signature does not match");
    }

    @Test
    void rejectsAMissingAuthorizationHeader() throws Exception {
        assertDenied(bent(headers -> { headers.remove("Authorization"); return headers; }), "Authorization header is missing");
    }

    @Test
    void rejectsAMissingDate() throws Exception {
        assertDenied(bent(headers -> { headers.remove("x-ms-date"); return headers; }), "x-ms-date header is missing");
    }

    @Test
    void rejectsAMissingContentHash() throws Exception {
        assertDenied(bent(headers -> { headers.remove("x-ms-content-sha256"); return headers; }), "x-ms-content-sha256");
    }

    @Test
    void rejectsOtherSignedHeaders() throws Exception {
        assertDenied(bent(headers -> {
            headers.put("Authorization", headers.get("Authorization").replace("x-ms-date;host;", "x-ms-date;"));
            return headers;
        }), "SignedHeaders");
    }

    @Test
    void answersAnAzureAdTokenWithAClearRefusal() throws Exception {
        assertDenied(bent(headers -> { headers.put("Authorization", "Bearer eyJ0eXAiOiJKV1QifQ.e30.sig"); return headers; }),
                "Azure AD (Entra ID) tokens are not supported");
    }

    @Test
    void acceptsTheSecondaryKey() {
        AcsSignedClient secondary = new AcsSignedClient("endpoint=https://127.0.0.1:" + api.service.httpsPort().getAsInt()
                + "/;accesskey=" + ApiUnderTest.SECONDARY_KEY, api.service.certificatePath().orElseThrow());

        HttpResponse<String> response = secondary.post(PATH, SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), "marker"));

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void servesHealthWithoutASignature() {
        HttpResponse<String> response = api.client.send("GET", "/health", null, headers -> Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
    }
}

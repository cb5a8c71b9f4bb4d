package io.relaysms.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.SmsRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every class of malformed send request gets its 4xx with a clear body, and produces nothing. */
class BadRequestsIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    @TempDir
    static Path data;

    static ApiUnderTest api;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        Map<String, String> settings = new java.util.HashMap<>(ApiUnderTest.settings(kafka.bootstrapServers(), kafka.uniquePrefix(), data));
        settings.put("api.max-body-bytes", "32768");
        api = ApiUnderTest.start(settings);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static final String OK_PATH = "/sms?api-version=2021-03-07";

    /** A valid body: only the request line is wrong. */
    static String valid(String to) {
        return SendBodies.send(ApiUnderTest.TOLL_FREE, List.of(to), "must not be written");
    }

    static Stream<Arguments> badRequests() {
        String tooLong = "x".repeat(2049);
        return Stream.of(
                Arguments.of("body that is not JSON", OK_PATH, "{\"from\": \"+18005550100\", smsRecipients", 400, "InvalidJson"),
                Arguments.of("JSON that is not an object", OK_PATH, "[1,2,3]", 400, "InvalidJson"),
                Arguments.of("an empty body", OK_PATH, "", 400, "InvalidJson"),
                Arguments.of("a number where a string belongs", OK_PATH,
                        "{\"from\":18005550100,\"smsRecipients\":[{\"to\":\"+14255550123\"}],\"message\":\"hi\"}", 400, "from"),
                Arguments.of("a string where a boolean belongs", OK_PATH,
                        "{\"from\":\"+18005550100\",\"smsRecipients\":[{\"to\":\"+14255550123\"}],\"message\":\"hi\","
                                + "\"smsSendOptions\":{\"enableDeliveryReport\":\"yes\"}}", 400, "smsSendOptions.enableDeliveryReport"),
                Arguments.of("smsSendOptions without enableDeliveryReport", OK_PATH,
                        "{\"from\":\"+18005550100\",\"smsRecipients\":[{\"to\":\"+14255550123\"}],\"message\":\"hi\","
                                + "\"smsSendOptions\":{\"tag\":\"x\"}}", 400, "smsSendOptions.enableDeliveryReport"),
                Arguments.of("a report timeout out of range", OK_PATH,
                        "{\"from\":\"+18005550100\",\"smsRecipients\":[{\"to\":\"+14255550123\"}],\"message\":\"hi\","
                                + "\"smsSendOptions\":{\"enableDeliveryReport\":true,\"deliveryReportTimeoutInSeconds\":5}}", 400,
                        "smsSendOptions.deliveryReportTimeoutInSeconds"),
                Arguments.of("a recipient without to", OK_PATH,
                        "{\"from\":\"+18005550100\",\"smsRecipients\":[{\"phone\":\"+14255550123\"}],\"message\":\"hi\"}", 400,
                        "smsRecipients[0].to"),
                Arguments.of("no api-version", "/sms", valid("+14255550123"), 400, "ApiVersionUnspecified"),
                Arguments.of("an unknown api-version", "/sms?api-version=2019-01-01", valid("+14255550123"), 400, "UnsupportedApiVersion"),
                Arguments.of("the old preview shape's api-version", "/sms?api-version=2020-07-20-preview1", valid("+14255550123"), 400,
                        "UnsupportedApiVersion"),
                Arguments.of("no recipients", OK_PATH, SendBodies.send(ApiUnderTest.TOLL_FREE, List.of(), "hi"), 400, "smsRecipients"),
                Arguments.of("101 recipients", OK_PATH, SendBodies.send(ApiUnderTest.TOLL_FREE, SendBodies.recipients(101), "hi"), 400,
                        "smsRecipients"),
                Arguments.of("an empty message", OK_PATH, SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), ""), 400, "message"),
                Arguments.of("a message of 2,049 characters", OK_PATH,
                        SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), tooLong), 400, "message"),
                Arguments.of("a missing message", OK_PATH,
                        "{\"from\":\"+18005550100\",\"smsRecipients\":[{\"to\":\"+14255550123\"}]}", 400, "message"),
                Arguments.of("a from that is no number", OK_PATH, SendBodies.send("not a number!", List.of("+14255550123"), "hi"), 400, "from"),
                Arguments.of("a from this deployment does not own", OK_PATH,
                        SendBodies.send("+18335550100", List.of("+14255550123"), "hi"), 401, "SenderNotOwned"),
                Arguments.of("messagingConnect, which needs a partner", "/sms?api-version=2026-01-23",
                        "{\"from\":\"+18005550100\",\"smsRecipients\":[{\"to\":\"+14255550123\"}],\"message\":\"hi\","
                                + "\"smsSendOptions\":{\"enableDeliveryReport\":false,\"messagingConnect\":{\"partner\":\"p\",\"partnerParams\":{\"a\":1}}}}",
                        400, "smsSendOptions.messagingConnect"),
                Arguments.of("a body over the cap", OK_PATH, SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550123"),
                        "y".repeat(40_000)), 413, "PayloadTooLarge"));
    }

    @ParameterizedTest(name = "refuses {0} with {3}")
    @MethodSource("badRequests")
    void refusesTheRequestAndProducesNothing(String what, String path, String body, int status, String named) throws Exception {
        HttpResponse<String> response = api.client.post(path, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body());
        if (error.has("errors")) {
            assertThat(error.get("status").asInt()).isEqualTo(400);
            assertThat(error.get("errors").has(named)).as(response.body()).isTrue();
            assertThat(error.get("errors").get(named).get(0).asText()).isNotBlank();
        } else {
            assertThat(error.get("error").get("code").asText()).as(response.body()).isEqualTo(named);
            assertThat(error.get("error").get("message").asText()).isNotBlank();
        }
        assertNothingProducedBefore(UUID.randomUUID().toString());
    }

    @Test
    void listsEveryProblemOfARequestAtOnce() throws Exception {
        HttpResponse<String> response = api.client.post(OK_PATH,
                "{\"from\":\"\",\"smsRecipients\":[{\"to\":5}],\"message\":\"\",\"smsSendOptions\":{\"enableDeliveryReport\":1}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").fieldNames()).toIterable()
                .contains("from", "smsRecipients[0].to", "message", "smsSendOptions.enableDeliveryReport");
    }

    @Test
    void refusesAPlainTextBody() {
        HttpResponse<String> response = api.client.send("POST", OK_PATH,
                SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), "hi"),
                headers -> { headers.put("Content-Type", "text/plain"); return headers; });

        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void answersAnUnknownPathWith404InTheErrorFormat() throws Exception {
        HttpResponse<String> response = api.client.post("/email?api-version=2021-03-07", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("error").get("code").asText()).isEqualTo("NotFound");
    }

    /** Sends a marker from the same sender (same partition) and checks it is the only record since the last one. */
    private void assertNothingProducedBefore(String tag) throws Exception {
        String body = "{\"from\":\"+18005550100\",\"smsRecipients\":[{\"to\":\"+14255550123\"}],\"message\":\"marker " + tag + "\"}";
        HttpResponse<String> response = api.client.post(OK_PATH, body);
        assertThat(response.statusCode()).isEqualTo(202);
        String markerId = JSON.readTree(response.body()).get("value").get(0).get("messageId").asText();
        List<SmsRequest> written = api.requestsThrough(markerId);
        SmsRequest last = written.get(written.size() - 1);
        assertThat(last.getMessageId()).isEqualTo(markerId);
        assertThat(written).allSatisfy(r -> assertThat(r.getMessage()).startsWith("marker"));
    }
}

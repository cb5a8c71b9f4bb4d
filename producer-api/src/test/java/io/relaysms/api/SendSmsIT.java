package io.relaysms.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.MessageEncoding;
import io.relaysms.schemas.RequestOrigin;
import io.relaysms.schemas.SmsRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendSmsIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    @TempDir
    static Path data;

    static ApiUnderTest api;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        api = ApiUnderTest.start(ApiUnderTest.settings(kafka.bootstrapServers(), kafka.uniquePrefix(), data));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static List<JsonNode> items(HttpResponse<String> response) throws Exception {
        return StreamSupport.stream(json(response).get("value").spliterator(), false).toList();
    }

    @Test
    void writesOneRecordPerRecipientKeyedBySenderWithTheRequestsFields() throws Exception {
        String body = "{\"from\":\"+18005550100\",\"smsRecipients\":[{\"to\":\"+14255550123\"},{\"to\":\"+1 (425) 555-0199\"}],"
                + "\"message\":\"Hello from Relay\",\"smsSendOptions\":{\"enableDeliveryReport\":true,\"tag\":\"order-42\","
                + "\"deliveryReportTimeoutInSeconds\":300}}";

        HttpResponse<String> response = api.client.send("POST", "/sms?api-version=2021-03-07", body,
                headers -> { headers.put("x-ms-client-request-id", "trace-me-1"); return headers; });

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        List<JsonNode> items = items(response);
        assertThat(items).extracting(i -> i.get("to").asText()).containsExactly("+14255550123", "+1 (425) 555-0199");
        assertThat(items).allSatisfy(item -> {
            assertThat(item.get("httpStatusCode").asInt()).isEqualTo(202);
            assertThat(item.get("successful").asBoolean()).isTrue();
            assertThat(item.get("messageId").asText()).matches("Outgoing_\\d{14}[0-9a-f-]{36}");
            assertThat(item.has("repeatabilityResult")).isFalse();
            assertThat(item.get("segmentCount").asInt()).isEqualTo(1);
            assertThat(item.get("encoding").asText()).isEqualTo("GSM7");
        });
        List<String> ids = items.stream().map(i -> i.get("messageId").asText()).toList();
        List<ConsumerRecord<String, SmsRequest>> records = api.requestRecordsUntil(rs -> rs.stream()
                .filter(r -> ids.contains(r.value().getMessageId())).count() == 2);
        List<ConsumerRecord<String, SmsRequest>> mine = records.stream().filter(r -> ids.contains(r.value().getMessageId())).toList();
        assertThat(mine).hasSize(2).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo("+18005550100");
            SmsRequest request = record.value();
            assertThat(request.getFrom()).isEqualTo("+18005550100");
            assertThat(request.getMessage()).isEqualTo("Hello from Relay");
            assertThat(request.getOrigin()).isEqualTo(RequestOrigin.API);
            assertThat(request.getEnableDeliveryReport()).isTrue();
            assertThat(request.getTag()).isEqualTo("order-42");
            assertThat(request.getDeliveryReportTimeoutSeconds()).isEqualTo(300);
            assertThat(request.getSegmentCount()).isEqualTo(1);
            assertThat(request.getEncoding()).isEqualTo(MessageEncoding.GSM7);
            assertThat(request.getClientRequestId()).isEqualTo("trace-me-1");
            assertThat(request.getRepeatabilityRequestId()).isNull();
            assertThat(Duration.between(request.getAcceptedAt(), request.getValidUntil())).isEqualTo(Duration.ofHours(5));
        });
        assertThat(mine).extracting(r -> r.value().getTo()).containsExactlyInAnyOrder("+14255550123", "+14255550199");
    }

    @Test
    void anInvalidRecipientFailsAloneAndIsNotWritten() throws Exception {
        HttpResponse<String> response = api.client.post("/sms?api-version=2026-01-23",
                SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550123", "+123", "hello"), "Hi"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        List<JsonNode> items = items(response);
        assertThat(items.get(0).get("successful").asBoolean()).isTrue();
        assertThat(items.subList(1, 3)).allSatisfy(item -> {
            assertThat(item.get("httpStatusCode").asInt()).isEqualTo(400);
            assertThat(item.get("successful").asBoolean()).isFalse();
            assertThat(item.has("messageId")).isFalse();
            assertThat(item.get("errorMessage").asText()).startsWith("Invalid To phone number format.");
        });
        String accepted = items.get(0).get("messageId").asText();
        List<SmsRequest> written = api.requestsThrough(accepted);
        assertThat(written).extracting(SmsRequest::getTo).doesNotContain("+123", "hello");
    }

    @Test
    void acceptsAHundredRecipientsInOneRequest() throws Exception {
        List<String> recipients = SendBodies.recipients(100);

        HttpResponse<String> response = api.client.post("/sms?api-version=2021-03-07",
                SendBodies.send(ApiUnderTest.SHORT_CODE, recipients, "Bulk"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        List<JsonNode> items = items(response);
        assertThat(items).hasSize(100).allSatisfy(item -> assertThat(item.get("httpStatusCode").asInt()).isEqualTo(202));
        List<String> ids = items.stream().map(i -> i.get("messageId").asText()).toList();
        List<SmsRequest> written = api.requestsUntil(rs -> rs.stream().filter(r -> ids.contains(r.getMessageId())).count() == 100);
        assertThat(written.stream().filter(r -> ids.contains(r.getMessageId())))
                .hasSize(100).allSatisfy(r -> assertThat(r.getFrom()).isEqualTo(ApiUnderTest.SHORT_CODE));
    }

    @Test
    void countsSegmentsAndEncodingOfTheText() throws Exception {
        String unicode = "Grüße 👋 ".repeat(10); // 90 UTF-16 units: UCS-2, two parts of 67
        HttpResponse<String> response = api.client.post("/sms?api-version=2021-03-07",
                SendBodies.send(ApiUnderTest.ALPHANUMERIC, List.of("+33612345678"), unicode));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode item = items(response).get(0);
        assertThat(item.get("encoding").asText()).isEqualTo("UCS2");
        assertThat(item.get("segmentCount").asInt()).isEqualTo(2);
        String id = item.get("messageId").asText();
        SmsRequest written = api.requestsThrough(id).stream().filter(r -> r.getMessageId().equals(id)).findFirst().orElseThrow();
        assertThat(written.getMessage()).isEqualTo(unicode);
        assertThat(written.getFrom()).isEqualTo(ApiUnderTest.ALPHANUMERIC);
        assertThat(written.getEncoding()).isEqualTo(MessageEncoding.UCS2);
    }

    @Test
    void honoursTheRequestedValidityPeriod() throws Exception {
        String body = "{\"from\":\"+18005550100\",\"smsRecipients\":[{\"to\":\"+14255550123\"}],\"message\":\"soon\","
                + "\"smsSendOptions\":{\"enableDeliveryReport\":false,\"validityPeriodSeconds\":600}}";

        HttpResponse<String> response = api.client.post("/sms?api-version=2021-03-07", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = items(response).get(0).get("messageId").asText();
        SmsRequest written = api.requestsThrough(id).stream().filter(r -> r.getMessageId().equals(id)).findFirst().orElseThrow();
        assertThat(Duration.between(written.getAcceptedAt(), written.getValidUntil())).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void answersWithJsonAndTheSupportedVersions() {
        HttpResponse<String> response = api.client.post("/sms?api-version=2024-12-10-preview",
                SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), "Hi"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.headers().firstValue("api-supported-versions")).hasValueSatisfying(v ->
                assertThat(v).contains("2021-03-07", "2026-01-23"));
    }

    /** The api-version each official SDK release sends (the JavaScript SDK 1.2.0-beta.1's is not in the spec's tag list). */
    @ParameterizedTest
    @ValueSource(strings = {"2021-03-07", "2024-02-05-preview", "2024-12-10-preview", "2025-05-29-preview",
            "2025-08-01-preview", "2026-01-23"})
    void acceptsASendInTheApiVersionOfEveryOfficialSdkRelease(String version) {
        HttpResponse<String> response = api.client.post("/sms?api-version=" + version,
                SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550124"), "Hi"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    static Map<String, String> noChange(Map<String, String> headers) {
        return headers;
    }
}

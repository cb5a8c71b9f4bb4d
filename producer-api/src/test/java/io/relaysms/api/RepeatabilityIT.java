package io.relaysms.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.SmsRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retried request (identical body, as the SDKs retry 429 and 5xx) never causes a second record: not on the same
 * instance, not after a restart, not on another instance; the retry is answered "rejected" with the same messageId.
 */
class RepeatabilityIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PATH = "/sms?api-version=2021-03-07";

    @TempDir
    Path data;

    @TempDir
    static Path sharedData;

    /** Two instances of one deployment (same topics, distinct instance ids and folders), shared by the tests. */
    static ApiUnderTest shared;
    static ApiUnderTest sibling;

    @org.junit.jupiter.api.BeforeAll
    static void startInstances() {
        Map<String, String> first = new HashMap<>(ApiUnderTest.settings(kafka.bootstrapServers(), kafka.uniquePrefix(),
                sharedData.resolve("one")));
        first.put("api.instance-id", "one");
        Map<String, String> second = new HashMap<>(first);
        second.put("api.instance-id", "two");
        second.put("api.data-dir", sharedData.resolve("two").toString());
        shared = ApiUnderTest.start(first);
        sibling = ApiUnderTest.start(second);
    }

    @org.junit.jupiter.api.AfterAll
    static void stopInstances() {
        sibling.close();
        shared.close();
    }

    private Map<String, String> settings(String instance) {
        Map<String, String> s = new HashMap<>(ApiUnderTest.settings(kafka.bootstrapServers(), kafka.uniquePrefix(), data));
        s.put("api.instance-id", instance);
        return s;
    }

    private static List<JsonNode> items(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return StreamSupport.stream(JSON.readTree(response.body()).get("value").spliterator(), false).toList();
    }

    private static long written(ApiUnderTest api, String messageId, String markerId) {
        return api.requestsThrough(markerId).stream().filter(r -> r.getMessageId().equals(messageId)).count();
    }

    private static String marker(ApiUnderTest api) throws Exception {
        return items(api.client.post(PATH, SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550100"), "marker")))
                .get(0).get("messageId").asText();
    }

    @Test
    void aRetryToTheSameInstanceIsAnsweredRejectedAndNotWrittenAgain() throws Exception {
        ApiUnderTest api = shared;
        String body = SendBodies.repeatable(ApiUnderTest.TOLL_FREE, List.of("+14255550123", "+14255550124"), "once only");

        List<JsonNode> first = items(api.client.post(PATH, body));
        List<JsonNode> retry = items(api.client.post(PATH, body));

        assertThat(first).allSatisfy(item -> assertThat(item.get("repeatabilityResult").asText()).isEqualTo("accepted"));
        assertThat(retry).allSatisfy(item -> {
            assertThat(item.get("repeatabilityResult").asText()).isEqualTo("rejected");
            assertThat(item.get("successful").asBoolean()).isTrue();
        });
        assertThat(retry).extracting(i -> i.get("messageId").asText())
                .containsExactlyElementsOf(first.stream().map(i -> i.get("messageId").asText()).toList());
        String markerId = marker(api);
        for (JsonNode item : first) {
            assertThat(written(api, item.get("messageId").asText(), markerId)).isEqualTo(1);
        }
    }

    @Test
    void aRetryAfterARestartIsStillRecognised() throws Exception {
        Map<String, String> settings = settings("restarting");
        String body = SendBodies.repeatable(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), "across a restart");
        String messageId;
        try (ApiUnderTest before = ApiUnderTest.start(settings)) {
            messageId = items(before.client.post(PATH, body)).get(0).get("messageId").asText();
        }
        try (ApiUnderTest after = ApiUnderTest.start(settings)) {
            JsonNode retry = items(after.client.post(PATH, body)).get(0);

            assertThat(retry.get("repeatabilityResult").asText()).isEqualTo("rejected");
            assertThat(retry.get("messageId").asText()).isEqualTo(messageId);
            assertThat(written(after, messageId, marker(after))).isEqualTo(1);
        }
    }

    @Test
    void aRetryToAnotherInstanceIsRecognisedOnceItsTableCaughtUp() throws Exception {
        String body = SendBodies.repeatable(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), "two instances");
        String messageId = items(shared.client.post(PATH, body)).get(0).get("messageId").asText();
        shared.requestsThrough(messageId); // committed and readable: the sibling's follower reads it too

        JsonNode retry = org.awaitility.Awaitility.await().until(() -> items(sibling.client.post(PATH, body)).get(0),
                item -> item.get("repeatabilityResult").asText().equals("rejected"));

        assertThat(retry.get("messageId").asText()).isEqualTo(messageId);
    }

    @Test
    void aRetryRacingToAnotherInstanceCarriesTheSameMessageId() throws Exception {
        String body = SendBodies.repeatable(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), "raced");

        String fromOne = items(shared.client.post(PATH, body)).get(0).get("messageId").asText();
        String fromTwo = items(sibling.client.post(PATH, body)).get(0).get("messageId").asText();

        // Whether or not the sibling had seen it yet, the dispatcher gets one messageId and sends it once.
        assertThat(fromTwo).isEqualTo(fromOne);
    }

    @Test
    void reusingAnIdForADifferentMessageIsRejected() throws Exception {
        ApiUnderTest api = shared;
        String id = UUID.randomUUID().toString();
        String now = AcsSignedClient.rfc1123(ZonedDateTime.now(ZoneOffset.UTC));
        items(api.client.post(PATH, withRepeatability("first text", id, now)));

        JsonNode reused = items(api.client.post(PATH, withRepeatability("another text", id, now))).get(0);

        assertThat(reused.get("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(reused.get("repeatabilityResult").asText()).isEqualTo("rejected");
        assertThat(reused.get("successful").asBoolean()).isFalse();
        assertThat(api.requestsThrough(marker(api))).extracting(SmsRequest::getMessage).doesNotContain("another text");
    }

    @Test
    void rejectsAFirstSentOlderThanTheWindowAndAnIdWithoutADate() throws Exception {
        ApiUnderTest api = shared;
        String old = AcsSignedClient.rfc1123(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(20));
        String body = "{\"from\":\"+18005550100\",\"smsRecipients\":["
                + "{\"to\":\"+14255550123\",\"repeatabilityRequestId\":\"" + UUID.randomUUID() + "\",\"repeatabilityFirstSent\":\"" + old + "\"},"
                + "{\"to\":\"+14255550124\",\"repeatabilityRequestId\":\"" + UUID.randomUUID() + "\"},"
                + "{\"to\":\"+14255550125\",\"repeatabilityRequestId\":\"" + UUID.randomUUID() + "\",\"repeatabilityFirstSent\":\"yesterday\"}],"
                + "\"message\":\"stale\"}";

        List<JsonNode> items = items(api.client.post(PATH, body));

        assertThat(items).extracting(i -> i.get("httpStatusCode").asInt()).containsExactly(412, 400, 400);
        assertThat(items).allSatisfy(i -> assertThat(i.get("repeatabilityResult").asText()).isEqualTo("rejected"));
        assertThat(items.get(2).get("errorMessage").asText()).contains("RFC1123");
        assertThat(api.requestsThrough(marker(api))).extracting(SmsRequest::getMessage).doesNotContain("stale");
    }

    private static String withRepeatability(String message, String id, String firstSent) {
        return "{\"from\":\"+18005550100\",\"smsRecipients\":[{\"to\":\"+14255550123\",\"repeatabilityRequestId\":\"" + id
                + "\",\"repeatabilityFirstSent\":\"" + firstSent + "\"}],\"message\":\"" + message + "\"}";
    }
}

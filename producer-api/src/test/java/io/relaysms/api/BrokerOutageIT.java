package io.relaysms.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.kafka.embedded.EmbeddedKafkaBroker;
import io.relaysms.schemas.SmsRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker going away: requests are answered 503 with Retry-After within the publish timeout, nothing of them is
 * visible to read_committed consumers, and once the broker is back the same request goes through exactly once.
 * This test stops a broker, so it runs its own.
 */
class BrokerOutageIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PATH = "/sms?api-version=2021-03-07";

    @TempDir
    Path data;

    @Test
    void answers503WithRetryAfterAndLeavesNothingBehindThatARetryWouldDuplicate() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
            Map<String, String> settings = new HashMap<>(ApiUnderTest.settings(broker.bootstrapServers(), "outage.", data));
            settings.put("api.publish.timeout", "4s");
            settings.put("api.retry-after-seconds", "3");
            try (ApiUnderTest api = ApiUnderTest.start(settings)) {
                assertThat(api.client.post(PATH, SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550123"), "before")).statusCode())
                        .isEqualTo(202);
                String bulk = SendBodies.repeatable(ApiUnderTest.TOLL_FREE, SendBodies.recipients(100), "during");
                String plain = SendBodies.send(ApiUnderTest.TOLL_FREE, List.of("+14255550124"), "lost in the outage");

                broker.stop();
                HttpResponse<String> refusedBulk = api.client.post(PATH, bulk);
                HttpResponse<String> refusedPlain = api.client.post(PATH, plain);

                for (HttpResponse<String> refused : List.of(refusedBulk, refusedPlain)) {
                    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                    assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
                    assertThat(JSON.readTree(refused.body()).get("error").get("code").asText()).isEqualTo("ServiceUnavailable");
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> !api.service.health().report().healthy());

                broker.start();
                HttpResponse<String> retried = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .until(() -> api.client.post(PATH, bulk), response -> response.statusCode() == 202);

                List<String> ids = StreamSupport.stream(JSON.readTree(retried.body()).get("value").spliterator(), false)
                        .map(item -> item.get("messageId").asText()).toList();
                assertThat(ids).hasSize(100).doesNotHaveDuplicates();
                String marker = JSON.readTree(api.client.post(PATH, SendBodies.send(ApiUnderTest.TOLL_FREE,
                        List.of("+14255550123"), "after")).body()).get("value").get(0).get("messageId").asText();
                List<SmsRequest> visible = api.requestsThrough(marker);
                assertThat(visible).extracting(SmsRequest::getMessage).doesNotContain("lost in the outage");
                assertThat(visible.stream().filter(r -> r.getMessage().equals("during")).map(SmsRequest::getMessageId))
                        .containsExactlyInAnyOrderElementsOf(ids);
                await().atMost(Duration.ofSeconds(10)).until(() -> api.service.health().report().healthy());
            }
        }
    }
}

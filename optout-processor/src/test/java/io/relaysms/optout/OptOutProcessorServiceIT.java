package io.relaysms.optout;

import static io.relaysms.optout.TestSettings.LONG_CODE;
import static io.relaysms.optout.TestSettings.SHORT_CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.schemas.MessageEncoding;
import io.relaysms.schemas.OptOutState;
import io.relaysms.schemas.RequestOrigin;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.topics.TopicKeys;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import io.relaysms.kafka.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The service on a real broker: keywords in, state and replies out, queries over real HTTP. */
class OptOutProcessorServiceIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    @TempDir
    static Path stateDir;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ProcessorHarness relay;

    @BeforeAll
    static void start() {
        relay = new ProcessorHarness(kafka, stateDir);
        relay.start();
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    private static String receive(String handset, String ourNumber, String text) {
        String id = "Incoming_" + UUID.randomUUID();
        Instant now = Instant.now();
        relay.send(relay.topics.inbound(), ourNumber, InboundMessage.newBuilder().setMessageId(id).setFrom(handset).setTo(ourNumber)
                .setMessage(text).setReceivedTimestamp(now).setSegmentCount(1).build(), now);
        return id;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void aStopOptsOutConfirmsAndIsQueryableAndAStartReEnables() throws Exception {
        String handset = "+12025550101";
        String stopId = receive(handset, LONG_CODE, "STOP");

        List<ConsumerRecord<String, OptOutState>> states = relay.readUntil(relay.topics.optOuts(),
                seen -> seen.stream().anyMatch(r -> r.key().equals(TopicKeys.optOut(LONG_CODE, handset))));
        OptOutState stopped = states.stream().filter(r -> r.key().equals(TopicKeys.optOut(LONG_CODE, handset))).findFirst().get().value();
        assertThat(stopped.getOptedOut()).isTrue();
        assertThat(stopped.getCauseId()).isEqualTo(stopId);
        List<ConsumerRecord<String, SmsRequest>> replies = relay.readUntil(relay.topics.smsRequests(),
                seen -> seen.stream().anyMatch(r -> stopId.equals(r.value().getAutoReplyTo())));
        SmsRequest confirmation = replies.stream().filter(r -> stopId.equals(r.value().getAutoReplyTo())).findFirst().get().value();
        assertThat(confirmation.getOrigin()).isEqualTo(RequestOrigin.AUTO_REPLY);
        assertThat(confirmation.getTo()).isEqualTo(handset);
        JsonNode answer = json(relay.get("/optouts/" + LONG_CODE + "/" + handset));
        assertThat(answer.get("optedOut").asBoolean()).isTrue();
        assertThat(answer.get("keyword").asText()).isEqualTo("STOP");

        receive(handset, LONG_CODE, "START");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(json(relay.get("/optouts/%2B" + LONG_CODE.substring(1) + "/" + handset)).get("optedOut").asBoolean()).isFalse());
        assertThat(relay.readUntil(relay.topics.optOuts(), seen -> seen.stream()
                .filter(r -> r.key().equals(TopicKeys.optOut(LONG_CODE, handset))).count() == 2))
                .filteredOn(r -> r.key().equals(TopicKeys.optOut(LONG_CODE, handset)))
                .extracting(r -> r.value().getOptedOut()).containsExactly(true, false);
    }

    @Test
    void answersAPairNeverSeenAsOptedIn() throws Exception {
        HttpResponse<String> response = relay.get("/optouts/" + SHORT_CODE + "/+33612345678");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("optedOut").asBoolean()).isFalse();
        assertThat(json(response).get("country").asText()).isEqualTo("FR");
    }

    @Test
    void refusesANumberThatIsNotOneWithAClearMessage() throws Exception {
        HttpResponse<String> response = relay.get("/optouts/" + LONG_CODE + "/not-a-number");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("BadRequest");
        assertThat(json(response).at("/error/message").asText()).contains("to:").contains("not-a-number");
    }

    @Test
    void servesUsageOfTheCurrentHourOverHttp() throws Exception {
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            relay.send(relay.topics.smsRequests(), SHORT_CODE, SmsRequest.newBuilder().setMessageId("Outgoing_" + UUID.randomUUID())
                    .setFrom(SHORT_CODE).setTo("+33612345678").setMessage("hello").setSegmentCount(2).setEncoding(MessageEncoding.GSM7)
                    .setAcceptedAt(now).setValidUntil(now.plusSeconds(3600)).build(), now);
        }
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode usage = json(relay.get("/usage/" + SHORT_CODE + "?window=hour&country=FR&from=" + hour + "&to=" + hour));
            assertThat(usage.at("/value/0/requests").asLong()).isEqualTo(3);
            assertThat(usage.at("/value/0/segments").asLong()).isEqualTo(6);
            assertThat(usage.at("/value/0/windowStart").asText()).isEqualTo(hour.toString());
        });
    }

    @Test
    void refusesAnUnknownWindow() throws Exception {
        HttpResponse<String> response = relay.get("/usage/" + SHORT_CODE + "?window=week");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/message").asText()).contains("window must be hour or day");
    }

    @Test
    void reportsHealthAndPrometheusMetrics() throws Exception {
        HttpResponse<String> health = relay.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asText()).isEqualTo("UP");

        HttpResponse<String> metrics = relay.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("kafka_stream_");
    }

    @Test
    void sendsAnUnreadableInboundToItsDeadLetterTopicAndKeepsWorking() {
        relay.sendRaw(relay.topics.inbound().name(), LONG_CODE, "garbage".getBytes());
        String handset = "+12025550177";
        receive(handset, LONG_CODE, "STOP");

        List<ConsumerRecord<byte[], byte[]>> dead = TopicReader.readAtLeast(kafka.bootstrapServers(),
                relay.topics.deadLetters(relay.topics.inbound()).name(), new ByteArrayDeserializer(), new ByteArrayDeserializer(), 1,
                Duration.ofSeconds(60));
        assertThat(dead).extracting(r -> new String(r.value())).contains("garbage");
        assertThat(relay.readUntil(relay.topics.optOuts(), seen -> seen.stream()
                .anyMatch(r -> r.key().equals(TopicKeys.optOut(LONG_CODE, handset))))).isNotEmpty();
    }
}

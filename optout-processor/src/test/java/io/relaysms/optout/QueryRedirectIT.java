package io.relaysms.optout;

import static io.relaysms.optout.TestSettings.LONG_CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.topics.TopicKeys;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances share the work; each answers for the pairs it holds and redirects (307) to the other for the
 * rest, so a client that follows the redirect gets every answer from either instance.
 */
class QueryRedirectIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    private static final List<String> HANDSETS = List.of("+12025550111", "+12025550112", "+12025550113", "+12025550114");

    @Test
    void eachInstanceAnswersForItsPairsAndRedirectsToTheOtherForTheRest(@TempDir Path a, @TempDir Path b) {
        String prefix = kafka.uniquePrefix();
        try (ProcessorHarness first = new ProcessorHarness(kafka, a, prefix);
             ProcessorHarness second = new ProcessorHarness(kafka, b, prefix)) {
            first.start();
            second.start();
            Instant now = Instant.now();
            for (String handset : HANDSETS) {
                first.send(first.topics.inbound(), LONG_CODE, InboundMessage.newBuilder().setMessageId("in-" + handset)
                        .setFrom(handset).setTo(LONG_CODE).setMessage("STOP").setReceivedTimestamp(now).setSegmentCount(1).build(), now);
            }
            first.readUntil(first.topics.optOuts(), seen -> seen.size() >= HANDSETS.size());

            AtomicInteger redirects = new AtomicInteger();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                redirects.set(0);
                for (ProcessorHarness instance : List.of(first, second)) {
                    for (String handset : HANDSETS) {
                        assertThat(optedOut(instance, "/optouts/" + LONG_CODE + "/" + handset, redirects))
                                .as(TopicKeys.optOut(LONG_CODE, handset)).isTrue();
                    }
                }
            });
            assertThat(redirects.get()).as("every pair lives on one instance; the other one redirects").isEqualTo(HANDSETS.size());
        }
    }

    private static boolean optedOut(ProcessorHarness instance, String path, AtomicInteger redirects) throws Exception {
        HttpResponse<String> response = instance.get(path);
        if (response.statusCode() == 307) {
            redirects.incrementAndGet();
            response = instance.get(URI.create(response.headers().firstValue("Location").orElseThrow()));
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).get("optedOut").asBoolean();
    }
}

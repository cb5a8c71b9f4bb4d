package io.relaysms.optout;

import static io.relaysms.optout.TestSettings.LONG_CODE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.schemas.OptOutAction;
import io.relaysms.schemas.OptOutCommand;
import io.relaysms.schemas.OptOutState;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.topics.TopicKeys;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opt-out state and the loop guard's memory survive a restart, even onto an empty state folder (another
 * machine): the stores are restored from their changelogs.
 */
class OptOutStateRestartIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    private static final String HANDSET = "+12025550155";

    @Test
    void stateAndReplyHistoryAreRestoredAfterARestartOnAnEmptyStateFolder(@TempDir Path first, @TempDir Path second) throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String stopKey = TopicKeys.optOut(LONG_CODE, HANDSET);
        try (ProcessorHarness relay = new ProcessorHarness(kafka, first)) {
            relay.start();
            inbound(relay, "in-help", "HELP", t0);
            inbound(relay, "in-stop", "STOP", t0.plusSeconds(60));
            relay.readUntil(relay.topics.smsRequests(), seen -> autoRepliesTo(seen, "in-stop"));

            relay.stop();
            ProcessorHarness restarted = relay.with("optout.streams.state.dir", second.toString());
            restarted.start();

            assertThat(new ObjectMapper().readTree(restarted.get("/optouts/" + LONG_CODE + "/" + HANDSET).body())
                    .get("optedOut").asBoolean()).as("restored opt-out state").isTrue();
            // Older than the STOP: stale only if the newest event's time was restored with the state.
            restarted.send(restarted.topics.optOutCommands(), stopKey, OptOutCommand.newBuilder().setCommandId("cmd-old")
                    .setFrom(LONG_CODE).setTo(HANDSET).setAction(OptOutAction.REMOVE).setRequestedAt(t0.plusSeconds(30)).build(), t0);
            // Within the loop window of the STOP's confirmation: unanswered only if the reply history was restored.
            inbound(restarted, "in-help-again", "HELP", t0.plusSeconds(65));
            inbound(restarted, "in-start", "START", t0.plusSeconds(600));

            List<ConsumerRecord<String, OptOutState>> changes = restarted.readUntil(restarted.topics.optOuts(),
                    seen -> seen.stream().anyMatch(r -> r.key().equals(stopKey) && "in-start".equals(r.value().getCauseId())));
            assertThat(changes).filteredOn(r -> r.key().equals(stopKey)).extracting(r -> r.value().getCauseId())
                    .as("the START changed a restored opted-out state; the old API removal did not")
                    .containsExactly("in-stop", "in-start");
            List<ConsumerRecord<String, SmsRequest>> replies = restarted.readUntil(restarted.topics.smsRequests(),
                    seen -> autoRepliesTo(seen, "in-start"));
            assertThat(replies).extracting(r -> r.value().getAutoReplyTo()).containsExactly("in-help", "in-stop", "in-start");
        }
    }

    private static boolean autoRepliesTo(List<ConsumerRecord<String, SmsRequest>> seen, String inboundId) {
        return seen.stream().anyMatch(r -> inboundId.equals(r.value().getAutoReplyTo()));
    }

    private static void inbound(ProcessorHarness relay, String id, String text, Instant at) {
        relay.send(relay.topics.inbound(), LONG_CODE, InboundMessage.newBuilder().setMessageId(id).setFrom(HANDSET).setTo(LONG_CODE)
                .setMessage(text).setReceivedTimestamp(at).setSegmentCount(1).build(), at);
    }
}

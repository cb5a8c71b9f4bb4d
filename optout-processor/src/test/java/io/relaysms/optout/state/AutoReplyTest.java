package io.relaysms.optout.state;

import static io.relaysms.optout.TestSettings.HANDSET;
import static io.relaysms.optout.TestSettings.LONG_CODE;
import static io.relaysms.optout.TestSettings.SHORT_CODE;
import static io.relaysms.optout.TestSettings.TOLL_FREE;
import static io.relaysms.optout.state.OptOutDriver.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.optout.TestSettings;
import io.relaysms.optout.autoreply.AutoReplyRequests;
import io.relaysms.optout.autoreply.ReplyHistory;
import io.relaysms.schemas.MessageEncoding;
import io.relaysms.schemas.OptOutAction;
import io.relaysms.schemas.RequestOrigin;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.topics.TopicKeys;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Automatic replies to keywords: what is answered, from where, with what, and the loop guard. */
class AutoReplyTest {

    private OptOutDriver kafka = new OptOutDriver(TestSettings.optOut(Map.of()));

    @AfterEach
    void close() {
        kafka.close();
    }

    private void configure(Map<String, String> settings) {
        kafka.close();
        kafka = new OptOutDriver(TestSettings.optOut(settings));
    }

    @Test
    void confirmsAnOptOutFromTheNumberItWasSentToThroughSmsRequests() {
        kafka.driver.advanceWallClockTime(Duration.ofSeconds(2));
        String inboundId = kafka.receive(HANDSET, LONG_CODE, "STOP", Duration.ZERO);

        TestRecord<String, SmsRequest> record = kafka.requests.readRecord();
        assertThat(record.key()).as("keyed by the sending number, like every request").isEqualTo(LONG_CODE);
        SmsRequest reply = record.value();
        assertThat(reply.getFrom()).isEqualTo(LONG_CODE);
        assertThat(reply.getTo()).isEqualTo(HANDSET);
        assertThat(reply.getOrigin()).isEqualTo(RequestOrigin.AUTO_REPLY);
        assertThat(reply.getAutoReplyTo()).isEqualTo(inboundId);
        assertThat(reply.getMessage()).startsWith("You are unsubscribed");
        assertThat(reply.getEncoding()).isEqualTo(MessageEncoding.GSM7);
        assertThat(reply.getSegmentCount()).isEqualTo(1);
        assertThat(reply.getAcceptedAt()).isEqualTo(START.plusSeconds(2));
        assertThat(reply.getValidUntil()).isEqualTo(START.plusSeconds(2).plus(Duration.ofHours(1)));
        assertThat(reply.getMessageId()).isEqualTo(AutoReplyRequests.messageIdFor(inboundId, START.toEpochMilli()))
                .startsWith("Outgoing_20260501120000");
    }

    @Test
    void aReplyIdDependsOnlyOnTheInboundItAnswers() {
        assertThat(AutoReplyRequests.messageIdFor("Incoming_1", 0)).isEqualTo(AutoReplyRequests.messageIdFor("Incoming_1", 0))
                .isNotEqualTo(AutoReplyRequests.messageIdFor("Incoming_2", 0));
    }

    @Test
    void aTollFreeNumberLeavesStopToItsCarrierButStillOptsOut() {
        kafka.receive(HANDSET, TOLL_FREE, "STOP", Duration.ZERO);

        assertThat(kafka.optOuts.readValue().getOptedOut()).isTrue();
        assertThat(kafka.requests.isEmpty()).isTrue();
    }

    @Test
    void aTollFreeNumberConfirmsTheSynonymsItsCarrierIgnores() {
        kafka.receive(HANDSET, TOLL_FREE, "unsubscribe", Duration.ZERO);

        assertThat(kafka.requests.readValue().getMessage()).startsWith("You are unsubscribed");
    }

    @Test
    void confirmsAnOptInOnlyWhenItResubscribesSomeone() {
        kafka.receive(HANDSET, SHORT_CODE, "YES", Duration.ZERO);
        assertThat(kafka.requests.isEmpty()).as("an everyday YES draws no 'resubscribed' text").isTrue();

        kafka.receive(HANDSET, SHORT_CODE, "STOP", Duration.ofMinutes(1));
        kafka.receive(HANDSET, SHORT_CODE, "START", Duration.ofMinutes(2));

        assertThat(kafka.requests.readValuesToList()).extracting(SmsRequest::getMessage)
                .satisfiesExactly(m -> assertThat(m).startsWith("You are unsubscribed"),
                        m -> assertThat(m).startsWith("You are resubscribed"));
    }

    @Test
    void confirmsARepeatedStopBecauseTheFirstConfirmationWasMissed() {
        kafka.receive(HANDSET, LONG_CODE, "STOP", Duration.ZERO);
        kafka.receive(HANDSET, LONG_CODE, "STOP", Duration.ofMinutes(10));

        assertThat(kafka.requests.readValuesToList()).hasSize(2);
    }

    @Test
    void answersHelpWithTheNumbersOwnTextWithoutTouchingTheState() {
        configure(Map.of("numbers." + LONG_CODE + ".optout.replies.help.text", "Acme alerts. Call 0800 555 0100. Reply STOP to end."));

        kafka.receive(HANDSET, LONG_CODE, "help", Duration.ZERO);

        assertThat(kafka.requests.readValue().getMessage()).isEqualTo("Acme alerts. Call 0800 555 0100. Reply STOP to end.");
        assertThat(kafka.optOuts.isEmpty()).isTrue();
        assertThat(kafka.stored(LONG_CODE, HANDSET)).isNull();
    }

    @Test
    void aNumberTypeOrANumberCanSilenceAKind() {
        configure(Map.of("optout.replies.short-code.opt-out.enabled", "false",
                "numbers." + LONG_CODE + ".optout.replies.help.enabled", "false"));

        kafka.receive(HANDSET, SHORT_CODE, "STOP", Duration.ZERO);
        kafka.receive(HANDSET, LONG_CODE, "HELP", Duration.ZERO);

        assertThat(kafka.requests.isEmpty()).isTrue();
        assertThat(kafka.optOuts.readValue().getOptedOut()).isTrue();
    }

    @Test
    void doesNotAnswerAnApiCommand() {
        kafka.command(LONG_CODE, HANDSET, OptOutAction.ADD, START);
        kafka.command(LONG_CODE, HANDSET, OptOutAction.REMOVE, START.plusSeconds(60));

        assertThat(kafka.requests.isEmpty()).isTrue();
    }

    @Test
    void measuresAReplyThatNeedsUnicodeInUcs2Segments() {
        configure(Map.of("optout.replies.help.text", "Aide : répondez ARRÊT pour ne plus recevoir de messages de notre part. 😊"));

        kafka.receive(HANDSET, LONG_CODE, "INFO", Duration.ZERO);

        SmsRequest reply = kafka.requests.readValue();
        assertThat(reply.getEncoding()).isEqualTo(MessageEncoding.UCS2);
        assertThat(reply.getSegmentCount()).isEqualTo(2);
    }

    @Test
    void doesNotAnswerWhatLooksLikeAMachineAnsweringOurReply() {
        kafka.receive(HANDSET, LONG_CODE, "HELP", Duration.ZERO);
        // A bot that answers every text with HELP: its answer arrives seconds after our reply went out.
        kafka.receive(HANDSET, LONG_CODE, "HELP", Duration.ofSeconds(4));
        kafka.receive(HANDSET, LONG_CODE, "HELP", Duration.ofSeconds(8));

        assertThat(kafka.requests.readValuesToList()).hasSize(1);
        assertThat(kafka.counted("relay.optout.auto.replies", "outcome", "answer-to-our-reply")).isEqualTo(2.0);
    }

    @Test
    void stillAppliesTheKeywordOfAnInboundItDoesNotAnswer() {
        kafka.receive(HANDSET, LONG_CODE, "HELP", Duration.ZERO);
        kafka.receive(HANDSET, LONG_CODE, "STOP", Duration.ofSeconds(3));

        assertThat(kafka.requests.readValuesToList()).hasSize(1);
        assertThat(kafka.optOuts.readValue().getOptedOut()).isTrue();
    }

    @Test
    void capsRepliesPerPairAndPeriodSoASlowLoopStopsToo() {
        Map<String, String> settings = new HashMap<>();
        settings.put("optout.replies.max-per-pair", "3");
        configure(settings);

        for (int minute = 0; minute < 5; minute++) {
            kafka.receive(HANDSET, LONG_CODE, "HELP", Duration.ofMinutes(minute));
        }
        kafka.receive(HANDSET, LONG_CODE, "HELP", Duration.ofHours(25));

        List<SmsRequest> replies = kafka.requests.readValuesToList();
        assertThat(replies).hasSize(4);
        assertThat(replies.get(3).getAutoReplyTo()).isEqualTo("Incoming_6");
        assertThat(kafka.counted("relay.optout.auto.replies", "outcome", "pair-limit")).isEqualTo(2.0);
    }

    @Test
    void theGuardCountsPerPairNotPerNumber() {
        kafka.receive(HANDSET, LONG_CODE, "HELP", Duration.ZERO);
        kafka.receive(HANDSET, SHORT_CODE, "HELP", Duration.ofSeconds(1));
        kafka.receive("+12025550188", LONG_CODE, "HELP", Duration.ofSeconds(2));

        assertThat(kafka.requests.readValuesToList()).hasSize(3);
    }

    /** The history would otherwise keep a key for every pair ever answered. */
    @Test
    void forgetsThePairsOfRepliesOlderThanTheRetentionAsEventTimeMovesOn() {
        kafka.receive(HANDSET, LONG_CODE, "HELP", Duration.ZERO);
        KeyValueStore<String, List<Long>> times = kafka.driver.getKeyValueStore(ReplyHistory.STORE);
        String pair = TopicKeys.optOut(LONG_CODE, HANDSET);
        assertThat(times.get(pair)).hasSize(1);

        kafka.receive("+12025550188", LONG_CODE, "HELP", Duration.ofHours(24));
        assertThat(times.get(pair)).as("still within a day and a minute at this sweep").isNotNull();

        kafka.receive("+12025550188", LONG_CODE, "HELP", Duration.ofHours(26));
        assertThat(times.get(pair)).isNull();
        assertThat(times.get(TopicKeys.optOut(LONG_CODE, "+12025550188"))).hasSize(2);
    }
}

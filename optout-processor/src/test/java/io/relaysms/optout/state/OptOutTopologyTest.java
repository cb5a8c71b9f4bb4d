package io.relaysms.optout.state;

import static io.relaysms.optout.TestSettings.FRENCH_HANDSET;
import static io.relaysms.optout.TestSettings.HANDSET;
import static io.relaysms.optout.TestSettings.LONG_CODE;
import static io.relaysms.optout.TestSettings.SHORT_CODE;
import static io.relaysms.optout.state.OptOutDriver.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.optout.TestSettings;
import io.relaysms.optout.autoreply.ReplyHistory;
import io.relaysms.schemas.OptOutAction;
import io.relaysms.schemas.OptOutSource;
import io.relaysms.schemas.OptOutState;
import io.relaysms.topics.TopicKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OptOutTopologyTest {

    private final OptOutDriver kafka = new OptOutDriver(TestSettings.optOut(Map.of()));

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aStopOptsTheRecipientOutOfThatNumber() {
        String inboundId = kafka.receive(HANDSET, LONG_CODE, "Stop.", Duration.ZERO);

        TestRecord<String, OptOutState> change = kafka.optOuts.readRecord();
        assertThat(change.key()).isEqualTo(TopicKeys.optOut(LONG_CODE, HANDSET));
        OptOutState state = change.value();
        assertThat(state.getOptedOut()).isTrue();
        assertThat(state.getChangedAt()).isEqualTo(START);
        assertThat(state.getSource()).isEqualTo(OptOutSource.KEYWORD);
        assertThat(state.getKeyword()).isEqualTo("STOP");
        assertThat(state.getCauseId()).isEqualTo(inboundId);
        assertThat(state.getCountry()).isEqualTo("US");
        assertThat(kafka.optOuts.isEmpty()).isTrue();
    }

    @Test
    void startAfterStopReEnablesTheRecipient() {
        kafka.receive(HANDSET, LONG_CODE, "STOP", Duration.ZERO);
        kafka.receive(HANDSET, LONG_CODE, "start", Duration.ofMinutes(5));

        List<OptOutState> changes = kafka.optOuts.readValuesToList();
        assertThat(changes).extracting(OptOutState::getOptedOut).containsExactly(true, false);
        assertThat(changes.get(1).getKeyword()).isEqualTo("START");
        assertThat(kafka.stored(LONG_CODE, HANDSET).value().getOptedOut()).isFalse();
    }

    @Test
    void anOptOutHoldsPerSendingNumberOnly() {
        kafka.receive(HANDSET, LONG_CODE, "STOP", Duration.ZERO);

        assertThat(kafka.stored(LONG_CODE, HANDSET).value().getOptedOut()).isTrue();
        assertThat(kafka.stored(SHORT_CODE, HANDSET)).isNull();
    }

    @Test
    void conversationIsNotAnOptOut() {
        kafka.receive(HANDSET, LONG_CODE, "please don't stop", Duration.ZERO);
        kafka.receive(HANDSET, LONG_CODE, "STOP PLEASE", Duration.ofSeconds(30));

        assertThat(kafka.optOuts.isEmpty()).isTrue();
        assertThat(kafka.requests.isEmpty()).isTrue();
        assertThat(kafka.stored(LONG_CODE, HANDSET)).isNull();
    }

    @Test
    void aSecondStopKeepsTheTimeOfTheFirstAndPublishesNothingNew() {
        kafka.receive(HANDSET, LONG_CODE, "STOP", Duration.ZERO);
        kafka.receive(HANDSET, LONG_CODE, "unsubscribe", Duration.ofHours(2));

        assertThat(kafka.optOuts.readValuesToList()).hasSize(1);
        assertThat(kafka.stored(LONG_CODE, HANDSET).value().getChangedAt()).isEqualTo(START);
        assertThat(kafka.stored(LONG_CODE, HANDSET).timestamp()).isEqualTo(START.plus(Duration.ofHours(2)).toEpochMilli());
    }

    @Test
    void anApiRemovalAfterAStopReEnablesTheRecipient() {
        kafka.receive(HANDSET, LONG_CODE, "STOP", Duration.ZERO);
        String commandId = kafka.command(LONG_CODE, HANDSET, OptOutAction.REMOVE, START.plusSeconds(60));

        List<OptOutState> changes = kafka.optOuts.readValuesToList();
        assertThat(changes).extracting(OptOutState::getOptedOut).containsExactly(true, false);
        assertThat(changes.get(1).getSource()).isEqualTo(OptOutSource.API);
        assertThat(changes.get(1).getCauseId()).isEqualTo(commandId);
        assertThat(changes.get(1).getKeyword()).isNull();
    }

    @Test
    void anApiCommandOlderThanTheLastKeywordDoesNotOverrideIt() {
        kafka.receive(HANDSET, LONG_CODE, "STOP", Duration.ofMinutes(7));
        // Accepted by the API at 12:05, but it reaches the processor after the STOP sent at 12:07.
        kafka.command(LONG_CODE, HANDSET, OptOutAction.REMOVE, START.plus(Duration.ofMinutes(5)));

        assertThat(kafka.optOuts.readValuesToList()).extracting(OptOutState::getOptedOut).containsExactly(true);
        assertThat(kafka.stored(LONG_CODE, HANDSET).value().getOptedOut()).isTrue();
        assertThat(kafka.counted("relay.optout.events.stale", "source", "API")).isEqualTo(1.0);
    }

    @Test
    void aLateStopOlderThanAnApiOptInIsStaleEvenWhenThePairWasNeverOptedOut() {
        kafka.command(LONG_CODE, HANDSET, OptOutAction.REMOVE, START.plus(Duration.ofMinutes(10)));
        kafka.receive(HANDSET, LONG_CODE, "STOP", Duration.ofMinutes(3));

        assertThat(kafka.optOuts.isEmpty()).isTrue();
        assertThat(kafka.requests.isEmpty()).as("a stale STOP is not confirmed").isTrue();
        assertThat(kafka.stored(LONG_CODE, HANDSET).value().getOptedOut()).isFalse();
    }

    @Test
    void anOlderEventIsStaleAgainstTheNewestEventNotOnlyTheNewestChange() {
        kafka.receive(HANDSET, LONG_CODE, "STOP", Duration.ZERO);
        kafka.receive(HANDSET, LONG_CODE, "STOP", Duration.ofMinutes(10));
        kafka.command(LONG_CODE, HANDSET, OptOutAction.REMOVE, START.plus(Duration.ofMinutes(5)));

        assertThat(kafka.stored(LONG_CODE, HANDSET).value().getOptedOut()).isTrue();
    }

    @Test
    void anApiAddOptsOutWithoutAKeyword() {
        kafka.command(SHORT_CODE, FRENCH_HANDSET, OptOutAction.ADD, START);

        OptOutState state = kafka.optOuts.readValue();
        assertThat(state.getOptedOut()).isTrue();
        assertThat(state.getSource()).isEqualTo(OptOutSource.API);
        assertThat(state.getCountry()).isEqualTo("FR");
        assertThat(kafka.requests.isEmpty()).as("API changes are not confirmed by SMS").isTrue();
    }

    @Test
    void eventsOfEqualTimeApplyInArrivalOrder() {
        kafka.receive(HANDSET, LONG_CODE, "STOP", Duration.ZERO);
        kafka.command(LONG_CODE, HANDSET, OptOutAction.REMOVE, START);

        assertThat(kafka.stored(LONG_CODE, HANDSET).value().getOptedOut()).isFalse();
    }

    @Test
    void readsAHandsetNumberThatTheCarrierSentWithoutItsPlus() {
        kafka.receive("12025550143", LONG_CODE, "STOP", Duration.ZERO);

        assertThat(kafka.optOuts.readRecord().key()).isEqualTo(TopicKeys.optOut(LONG_CODE, HANDSET));
    }

    @Test
    void recordsOptOutsSentToANumberThatIsNotConfigured() {
        kafka.receive(HANDSET, "+12025550188", "cancel", Duration.ZERO);

        assertThat(kafka.optOuts.readValue().getOptedOut()).isTrue();
        assertThat(kafka.requests.isEmpty()).as("nothing can be sent from a number Relay does not own").isTrue();
    }

    @Test
    void routesAnUnreadableInboundToItsDeadLetterTopicAndGoesOn() {
        kafka.rawInbound.pipeInput(LONG_CODE, "not avro".getBytes(), START);
        kafka.receive(HANDSET, LONG_CODE, "STOP", Duration.ofSeconds(1));

        var dead = kafka.inboundDeadLetters.readRecord();
        assertThat(new String(dead.value())).isEqualTo("not avro");
        assertThat(new String(dead.headers().lastHeader("relay.dlq.topic").value())).isEqualTo("sms-inbound");
        assertThat(new String(dead.headers().lastHeader("relay.dlq.error.message").value())).contains("magic byte");
        assertThat(kafka.optOuts.readValue().getOptedOut()).isTrue();
    }

    /**
     * Kafka Streams 4.4 under exactly-once resumes key-value RocksDB stores after a clean stop but wipes and restores a
     * task holding a window store, so a window store beside the opt-out state would cost a full reread of it at every
     * restart.
     */
    @Test
    void theOptOutStateSharesItsTaskWithKeyValueStoresOnly() {
        assertThat(kafka.driver.getAllStateStores()).containsKeys(OptOutTopology.STATE_STORE, ReplyHistory.STORE);
        assertThat(kafka.driver.getAllStateStores().values()).allSatisfy(store -> assertThat(store).isInstanceOf(KeyValueStore.class));
    }
}

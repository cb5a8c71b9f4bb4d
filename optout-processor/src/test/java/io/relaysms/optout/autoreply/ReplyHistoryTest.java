package io.relaysms.optout.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplyHistoryTest {

    private static final String PAIR = "+18005550100|+12025550155";
    /** A 15 s loop window and 5 replies a day: the history keeps a day and a minute. */
    private static final AutoReplySettings SETTINGS = new AutoReplySettings(Duration.ofSeconds(15), 5, Duration.ofDays(1), Duration.ofHours(1));
    private static final long DAY = Duration.ofDays(1).toMillis();

    private final KeyValueStore<String, List<Long>> store = ReplyHistory.storeBuilder(Stores.inMemoryKeyValueStore(ReplyHistory.STORE))
            .withLoggingDisabled().build();
    private final ReplyHistory history;

    ReplyHistoryTest() {
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        history = new ReplyHistory(store, SETTINGS);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void answersWhichRepliesFallInTheLookback() {
        history.record(PAIR, 1_000);
        history.record(PAIR, 20_000);
        history.record(PAIR, 50_000);

        assertThat(history.repliesBefore(PAIR, 30_000, 15_000)).containsExactly(20_000L);
        assertThat(history.repliesBefore(PAIR, 60_000, 60_000)).containsExactly(1_000L, 20_000L, 50_000L);
        assertThat(history.repliesBefore("+18005550100|+12025550199", 60_000, 60_000)).isEmpty();
    }

    /** Out of order (a replayed or late inbound) is kept in time order. */
    @Test
    void keepsRepliesRecordedOutOfOrder() {
        history.record(PAIR, 50_000);
        history.record(PAIR, 20_000);

        assertThat(history.repliesBefore(PAIR, 60_000, 60_000)).containsExactly(20_000L, 50_000L);
        assertThat(store.get(PAIR)).containsExactly(20_000L, 50_000L);
    }

    @Test
    void forgetsRepliesOlderThanTheRetentionBeforeTheNewest() {
        history.record(PAIR, 0);
        history.record(PAIR, DAY);
        history.record(PAIR, DAY + Duration.ofMinutes(2).toMillis());

        assertThat(store.get(PAIR)).containsExactly(DAY, DAY + Duration.ofMinutes(2).toMillis());
    }

    @Test
    void forgetsPairsWhoseNewestReplyIsOlderThanTheRetention() {
        String quiet = "+18005550100|+12025550199";
        history.record(quiet, 1_000);
        history.record(PAIR, 1_000);
        history.record(PAIR, 90_000);

        // The retention is a day and a minute: at this time, replies before 60_000 are expired.
        assertThat(history.forgetPairsExpiredAt(DAY + Duration.ofMinutes(1).toMillis() + 60_000)).isEqualTo(1);

        assertThat(store.get(quiet)).isNull();
        assertThat(store.get(PAIR)).containsExactly(1_000L, 90_000L);
    }
}

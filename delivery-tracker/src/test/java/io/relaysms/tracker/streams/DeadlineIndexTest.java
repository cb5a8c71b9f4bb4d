package io.relaysms.tracker.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadlineIndexTest {

    private KeyValueStore<String, String> store;
    private DeadlineIndex index;

    @BeforeEach
    void openStore() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("deadlines"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        index = new DeadlineIndex(store);
    }

    @Test
    void takesWhatIsDueEarliestFirstAndLeavesTheRest() {
        index.add(3_000, "c");
        index.add(1_000, "a");
        index.add(2_000, "b");
        index.add(9_000, "later");

        assertThat(index.takeDue(5_000, 100)).containsExactly(
                new DeadlineIndex.Due(1_000, "a"), new DeadlineIndex.Due(2_000, "b"), new DeadlineIndex.Due(3_000, "c"));
        assertThat(index.takeDue(5_000, 100)).isEmpty();
        assertThat(index.takeDue(9_000, 100)).containsExactly(new DeadlineIndex.Due(9_000, "later"));
        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    void findsAnEntryAddedBeforeTheLastScannedTime() {
        index.add(1_000, "a");
        assertThat(index.takeDue(5_000, 100)).hasSize(1);

        index.add(2_000, "overdue when added");
        index.add(4_000, "also overdue");

        assertThat(index.takeDue(6_000, 100)).extracting(DeadlineIndex.Due::id)
                .containsExactly("overdue when added", "also overdue");
    }

    @Test
    void continuesWhereACutShortScanStopped() {
        for (int i = 0; i < 5; i++) {
            index.add(1_000, "same-time-" + i);
        }
        index.add(2_000, "next");

        List<DeadlineIndex.Due> first = index.takeDue(5_000, 3);
        List<DeadlineIndex.Due> second = index.takeDue(5_000, 3);

        assertThat(first).hasSize(3);
        assertThat(second).extracting(DeadlineIndex.Due::id).containsExactly("same-time-3", "same-time-4", "next");
        assertThat(index.takeDue(5_000, 3)).isEmpty();
    }

    @Test
    void removedEntriesAreNotTaken() {
        index.add(1_000, "a");
        index.add(1_500, "b");
        index.remove(1_000, "a");

        assertThat(index.takeDue(2_000, 100)).containsExactly(new DeadlineIndex.Due(1_500, "b"));
    }

    @Test
    void aNewIndexOverTheSameStoreScansFromTheStart() {
        index.add(1_000, "a");
        index.takeDue(5_000, 100);
        store.put("0000000000000002000|restored", "restored"); // as a restore from the changelog would

        assertThat(new DeadlineIndex(store).takeDue(5_000, 100)).containsExactly(new DeadlineIndex.Due(2_000, "restored"));
    }
}

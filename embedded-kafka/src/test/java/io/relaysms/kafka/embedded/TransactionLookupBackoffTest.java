package io.relaysms.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.kafka.embedded.HangingTransactions.OpenTransaction;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class TransactionLookupBackoffTest {

    private static final TopicPartition REQUESTS_0 = new TopicPartition("sms-requests", 0);
    private static final OpenTransaction SLOW = new OpenTransaction(REQUESTS_0, 6L, (short) 7, 2, 63L);
    private static final OpenTransaction OTHER = new OpenTransaction(new TopicPartition("sms-requests", 1), 9L, (short) 1, 2, 10L);

    private final TransactionLookupBackoff backoff = new TransactionLookupBackoff(Duration.ofSeconds(5), Duration.ofSeconds(30));

    @Test
    void aTransactionIsLookedUpAtOnceTheFirstTime() {
        assertThat(backoff.due(List.of(SLOW, OTHER), 0)).containsExactlyInAnyOrder(SLOW, OTHER);
    }

    @Test
    void anUndecidedTransactionWaitsTwiceAsLongAfterEachLookUpToTheLongestDelay() {
        long now = 1_000;
        long[] expectedDelays = {5_000, 10_000, 20_000, 30_000, 30_000};
        for (long delay : expectedDelays) {
            backoff.noRepairFound(List.of(SLOW), now);
            assertThat(backoff.due(List.of(SLOW), now + delay - 1)).as("before %d ms", delay).isEmpty();
            assertThat(backoff.due(List.of(SLOW), now + delay)).as("after %d ms", delay).containsExactly(SLOW);
            now += delay;
        }
    }

    @Test
    void waitingForOneTransactionDelaysNoOther() {
        backoff.noRepairFound(List.of(SLOW), 0);

        assertThat(backoff.due(List.of(SLOW, OTHER), 1)).containsExactly(OTHER);
    }

    /** With transaction version 2 the producer's next transaction has its own epoch, under version 1 its own offset. */
    @Test
    void theProducersNextTransactionOnThePartitionIsANewOne() {
        backoff.noRepairFound(List.of(SLOW), 0);
        OpenTransaction nextEpoch = new OpenTransaction(REQUESTS_0, 6L, (short) 8, 2, 63L);
        OpenTransaction nextOffset = new OpenTransaction(REQUESTS_0, 6L, (short) 7, 2, 80L);
        OpenTransaction sameButNewCoordinatorEpoch = new OpenTransaction(REQUESTS_0, 6L, (short) 7, 3, 63L);

        assertThat(backoff.due(List.of(nextEpoch, nextOffset, sameButNewCoordinatorEpoch), 1)).containsExactly(nextEpoch, nextOffset);
    }

    @Test
    void closedTransactionsAreForgotten() {
        backoff.noRepairFound(List.of(SLOW, OTHER), 0);

        backoff.keepOnly(List.of(OTHER));

        assertThat(backoff.waiting()).isEqualTo(1);
        assertThat(backoff.due(List.of(SLOW, OTHER), 1)).containsExactly(SLOW);
    }
}

package io.relaysms.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.kafka.embedded.HangingTransactions.OpenTransaction;
import io.relaysms.kafka.embedded.HangingTransactions.Repair;
import io.relaysms.kafka.embedded.TransactionLogHistory.Entry;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.requests.TransactionResult;
import org.apache.kafka.coordinator.transaction.TransactionState;
import org.junit.jupiter.api.Test;

class HangingTransactionsTest {

    private static final String LANE = "relay-api-0";
    private static final TopicPartition REQUESTS_0 = new TopicPartition("sms-requests", 0);
    private static final TopicPartition REQUESTS_1 = new TopicPartition("sms-requests", 1);
    /** Records of epoch 7 on sms-requests-0, as in the failing runs of BrokerRestartIT. */
    private static final OpenTransaction OPEN_AT_63 = new OpenTransaction(REQUESTS_0, 6L, (short) 7, 2, 63L);

    @Test
    void aTransactionItsCoordinatorCommittedAndLeftGetsTheCommitMarker() {
        List<Entry> history = List.of(
                entry(7, TransactionState.ONGOING, REQUESTS_0, REQUESTS_1),
                entry(8, TransactionState.PREPARE_COMMIT, REQUESTS_0, REQUESTS_1),
                entry(8, TransactionState.COMPLETE_COMMIT));

        List<Repair> repairs = HangingTransactions.toRepair(List.of(OPEN_AT_63), history, List.of(OPEN_AT_63));

        assertThat(repairs).singleElement().satisfies(repair -> {
            assertThat(repair.marker()).isEqualTo(TransactionResult.COMMIT);
            assertThat(repair.transaction()).isEqualTo(OPEN_AT_63);
            assertThat(repair.describe()).contains("sms-requests-0", "offset 63", LANE, "a commit");
        });
    }

    @Test
    void aTransactionItsCoordinatorAbortedAndLeftGetsTheAbortMarker() {
        List<Entry> history = List.of(entry(8, TransactionState.PREPARE_ABORT, REQUESTS_0), entry(8, TransactionState.COMPLETE_ABORT));

        assertThat(HangingTransactions.toRepair(List.of(OPEN_AT_63), history, List.of(OPEN_AT_63)))
                .singleElement().extracting(Repair::marker).isEqualTo(TransactionResult.ABORT);
    }

    /** The coordinator's current state says nothing about epoch 7 once the producer has run further transactions. */
    @Test
    void theDecisionOnTheTransactionsOwnEpochCountsNotTheProducersLatest() {
        List<Entry> history = List.of(
                entry(8, TransactionState.PREPARE_COMMIT, REQUESTS_0),
                entry(8, TransactionState.COMPLETE_COMMIT),
                entry(8, TransactionState.ONGOING, REQUESTS_1),
                entry(9, TransactionState.PREPARE_ABORT, REQUESTS_1),
                entry(9, TransactionState.COMPLETE_ABORT));

        assertThat(HangingTransactions.toRepair(List.of(OPEN_AT_63), history, List.of(OPEN_AT_63)))
                .singleElement().extracting(Repair::marker).isEqualTo(TransactionResult.COMMIT);
    }

    /** Under transaction versions 0 and 1 the coordinator decides under the transaction's own epoch. */
    @Test
    void aDecisionUnderTheSameEpochCountsUnderTransactionVersion1() {
        List<Entry> history = List.of(entry(1, 7, TransactionState.PREPARE_COMMIT, REQUESTS_0), entry(1, 7, TransactionState.COMPLETE_COMMIT));

        assertThat(HangingTransactions.toRepair(List.of(OPEN_AT_63), history, List.of(OPEN_AT_63))).hasSize(1);
    }

    /** Under version 2 a decision logged under epoch 7 ended the transaction of epoch 6, not the one open now. */
    @Test
    void theDecisionOnThePreviousTransactionDoesNotCountUnderTransactionVersion2() {
        List<Entry> history = List.of(entry(7, TransactionState.PREPARE_COMMIT, REQUESTS_0), entry(7, TransactionState.COMPLETE_COMMIT));

        assertThat(HangingTransactions.toRepair(List.of(OPEN_AT_63), history, List.of(OPEN_AT_63))).isEmpty();
    }

    /**
     * Version 1 keeps one epoch across transactions: a commit on the partition, then the next transaction on it, still in
     * progress. The open transaction is that one, so the earlier decision must not close it.
     */
    @Test
    void aLaterTransactionNamingThePartitionIsLeftToItsCoordinator() {
        List<Entry> history = List.of(
                entry(1, 7, TransactionState.PREPARE_COMMIT, REQUESTS_0),
                entry(1, 7, TransactionState.COMPLETE_COMMIT),
                entry(1, 7, TransactionState.ONGOING, REQUESTS_0));

        assertThat(HangingTransactions.toRepair(List.of(OPEN_AT_63), history, List.of(OPEN_AT_63))).isEmpty();
    }

    /** Decided but not yet moved on: the coordinator may still be writing its markers. */
    @Test
    void aDecisionStillBeingCarriedOutIsLeftToTheCoordinator() {
        List<Entry> history = List.of(entry(7, TransactionState.ONGOING, REQUESTS_0), entry(8, TransactionState.PREPARE_COMMIT, REQUESTS_0));

        assertThat(HangingTransactions.toRepair(List.of(OPEN_AT_63), history, List.of(OPEN_AT_63))).isEmpty();
    }

    @Test
    void aTransactionNotYetDecidedIsLeftAlone() {
        List<Entry> history = List.of(entry(7, TransactionState.ONGOING, REQUESTS_0));

        assertThat(HangingTransactions.toRepair(List.of(OPEN_AT_63), history, List.of(OPEN_AT_63))).isEmpty();
    }

    @Test
    void aDecisionNamingOtherPartitionsOrOtherEpochsDoesNotCount() {
        List<Entry> history = List.of(
                entry(8, TransactionState.PREPARE_COMMIT, REQUESTS_1),
                entry(8, TransactionState.COMPLETE_COMMIT),
                entry(10, TransactionState.PREPARE_COMMIT, REQUESTS_0),
                entry(10, TransactionState.COMPLETE_COMMIT));

        assertThat(HangingTransactions.toRepair(List.of(OPEN_AT_63), history, List.of(OPEN_AT_63))).isEmpty();
    }

    @Test
    void aTransactionClosedBeforeTheLastLookIsLeftAlone() {
        List<Entry> history = List.of(entry(8, TransactionState.PREPARE_COMMIT, REQUESTS_0), entry(8, TransactionState.COMPLETE_COMMIT));

        assertThat(HangingTransactions.toRepair(List.of(OPEN_AT_63), history, List.of())).isEmpty();
    }

    /** The producer began its next transaction on the partition: the marker would now close that one too. */
    @Test
    void aTransactionTheProducerWroteToAgainIsLeftAlone() {
        List<Entry> history = List.of(entry(8, TransactionState.PREPARE_COMMIT, REQUESTS_0), entry(8, TransactionState.COMPLETE_COMMIT));
        OpenTransaction writtenAgain = new OpenTransaction(REQUESTS_0, 6L, (short) 9, 2, 63L);

        assertThat(HangingTransactions.toRepair(List.of(OPEN_AT_63), history, List.of(writtenAgain))).isEmpty();
    }

    /** An entry of transaction version 2, Kafka 4.4's default. */
    private static Entry entry(int epoch, TransactionState state, TopicPartition... partitions) {
        return entry(2, epoch, state, partitions);
    }

    private static Entry entry(int transactionVersion, int epoch, TransactionState state, TopicPartition... partitions) {
        return new Entry(LANE, 6L, (short) epoch, state, Set.of(partitions), (short) transactionVersion);
    }
}

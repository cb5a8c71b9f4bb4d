package io.relaysms.kafka.embedded;

import io.relaysms.kafka.embedded.TransactionLogHistory.Entry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.requests.TransactionResult;
import org.apache.kafka.coordinator.transaction.TransactionState;

/**
 * Which open transactions are hanging: a partition still holds them open although their coordinator has decided them
 * and moved on.
 *
 * <p>A coordinator logs its decision (PrepareCommit or PrepareAbort, naming the partitions), writes a marker to each of
 * those partitions, and logs its next state only once every marker is written. So a transaction still open on a
 * partition the decision names, after the coordinator logged a later state, lost its marker: that partition will not
 * move its last stable offset again, and read_committed consumers stop there for good. Kafka 4.4 does this when its
 * broker shuts down while transactions commit and finds no leader for a partition (the README's Tests section,
 * "Hanging transactions after a mid-commit broker stop"). The missing marker is the coordinator's own decision, so the repair writes that one: COMMIT
 * after a commit, ABORT after an abort. The decision is read from the transaction log, not from the coordinator's
 * current state, because the producer may have finished further transactions elsewhere since.
 */
final class HangingTransactions {

    private HangingTransactions() {
    }

    /** A transaction open on one partition, as the partition's leader describes its producers. */
    record OpenTransaction(TopicPartition partition, long producerId, short producerEpoch, int coordinatorEpoch, long startOffset) {

        /**
         * The same transaction, still open. The epoch is compared too: with transaction version 2 every transaction has
         * its own, so a producer starting its next transaction on the partition shows up as a change.
         */
        boolean sameAs(OpenTransaction other) {
            return identity().equals(other.identity());
        }

        /** What stays the same while the transaction stays open (the coordinator's epoch may change meanwhile). */
        Identity identity() {
            return new Identity(partition, producerId, producerEpoch, startOffset);
        }

        record Identity(TopicPartition partition, long producerId, short producerEpoch, long startOffset) {
        }
    }

    /** A marker to write, and why. */
    record Repair(OpenTransaction transaction, String transactionalId, TransactionResult marker) {

        String describe() {
            return "producer " + transaction.producerId() + " (transactional id '" + transactionalId + "', epoch "
                    + transaction.producerEpoch() + ") still holds a transaction open on " + transaction.partition() + " from offset "
                    + transaction.startOffset() + ", but its coordinator logged " + (marker == TransactionResult.COMMIT ? "a commit" : "an abort")
                    + " of it and moved on";
        }
    }

    /**
     * @param seenOpen transactions seen open in two scans in a row, before the transaction log was read
     * @param history the transaction log, read after {@code seenOpen}
     * @param seenAgain transactions seen open after the transaction log was read
     */
    static List<Repair> toRepair(Collection<OpenTransaction> seenOpen, List<Entry> history, Collection<OpenTransaction> seenAgain) {
        List<Repair> repairs = new ArrayList<>();
        for (OpenTransaction open : seenOpen) {
            if (seenAgain.stream().noneMatch(open::sameAs)) {
                continue;
            }
            decisionFor(open, history).ifPresent(repairs::add);
        }
        return repairs;
    }

    /**
     * The decision on the transaction, if the coordinator logged one and then moved on. The last decision naming the
     * partition under the transaction's epoch is the one, unless a later transaction of the producer named the partition
     * again: then the open transaction may be that one, still in progress, and is left to its coordinator.
     */
    private static Optional<Repair> decisionFor(OpenTransaction open, List<Entry> history) {
        int decided = -1;
        for (int i = 0; i < history.size(); i++) {
            if (decides(history.get(i), open)) {
                decided = i;
            }
        }
        if (decided < 0) {
            return Optional.empty();
        }
        Entry decision = history.get(decided);
        List<Entry> later = history.subList(decided + 1, history.size()).stream()
                .filter(entry -> entry.transactionalId().equals(decision.transactionalId())).toList();
        if (later.isEmpty() || later.stream().anyMatch(entry -> entry.partitions().contains(open.partition()))) {
            return Optional.empty();
        }
        TransactionResult marker = decision.state() == TransactionState.PREPARE_COMMIT ? TransactionResult.COMMIT : TransactionResult.ABORT;
        return Optional.of(new Repair(open, decision.transactionalId(), marker));
    }

    /**
     * A decision naming the partition, logged for the transaction's epoch: the next epoch under transaction version 2
     * (whose coordinator bumps the epoch as it decides), the same one under versions 0 and 1.
     */
    private static boolean decides(Entry entry, OpenTransaction open) {
        int decidedEpoch = entry.transactionVersion() >= 2 ? open.producerEpoch() + 1 : open.producerEpoch();
        return (entry.state() == TransactionState.PREPARE_COMMIT || entry.state() == TransactionState.PREPARE_ABORT)
                && entry.producerId() == open.producerId()
                && entry.producerEpoch() == decidedEpoch
                && entry.partitions().contains(open.partition());
    }
}

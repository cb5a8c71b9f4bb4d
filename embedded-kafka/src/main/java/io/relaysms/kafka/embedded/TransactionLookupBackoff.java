package io.relaysms.kafka.embedded;

import io.relaysms.kafka.embedded.HangingTransactions.OpenTransaction;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When the repair may read the transaction log again for a transaction it already looked up. A transaction the
 * coordinator has not decided yet (a slow one, not a hanging one) stays open over several scans; without this, every
 * scan would reread {@code __transaction_state} until it closes. After each look that found nothing to repair, the
 * transaction waits twice as long as before for its next look, up to {@code longest}. A hanging transaction's decision
 * is in the log before it is first looked up (the coordinator logged it, then moved on), so the first look, which is
 * never delayed, is the one that finds it; the delays only bound how often an undecided one costs a read.
 */
final class TransactionLookupBackoff {

    private record Wait(long notBeforeMillis, long delayMillis) {
    }

    private final long firstDelayMillis;
    private final long longestDelayMillis;
    private final Map<OpenTransaction.Identity, Wait> waits = new HashMap<>();

    TransactionLookupBackoff(Duration firstDelay, Duration longest) {
        this.firstDelayMillis = Math.max(1, firstDelay.toMillis());
        this.longestDelayMillis = Math.max(firstDelayMillis, longest.toMillis());
    }

    /** The transactions among {@code suspects} that may be looked up at {@code nowMillis}. */
    List<OpenTransaction> due(Collection<OpenTransaction> suspects, long nowMillis) {
        return suspects.stream().filter(transaction -> {
            Wait wait = waits.get(transaction.identity());
            return wait == null || nowMillis >= wait.notBeforeMillis();
        }).toList();
    }

    /** {@code lookedUp} were looked up at {@code nowMillis} and are not to be repaired (yet). */
    void noRepairFound(Collection<OpenTransaction> lookedUp, long nowMillis) {
        for (OpenTransaction transaction : lookedUp) {
            waits.compute(transaction.identity(), (identity, previous) -> {
                long delay = previous == null ? firstDelayMillis : Math.min(longestDelayMillis, previous.delayMillis() * 2);
                return new Wait(nowMillis + delay, delay);
            });
        }
    }

    /** Forgets every transaction not in {@code stillOpen}: closed ones never come back (a new one has its own offset). */
    void keepOnly(Collection<OpenTransaction> stillOpen) {
        Set<OpenTransaction.Identity> open = stillOpen.stream().map(OpenTransaction::identity).collect(Collectors.toSet());
        waits.keySet().retainAll(open);
    }

    /** How many transactions are waiting for their next look; for tests. */
    int waiting() {
        return waits.size();
    }
}

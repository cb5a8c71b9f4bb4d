package io.relaysms.tracker.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The value of the held-receipts store: receipts that arrived before any submission they could match, kept under
 * each of their match keys until a submission comes or {@code heldUntil} passes.
 */
public record HeldReceipts(List<Held> receipts) {

    /** One held receipt. */
    public record Held(ReceiptView receipt, long heldUntil) {
    }

    public HeldReceipts {
        receipts = receipts == null ? List.of() : List.copyOf(receipts);
    }

    public static HeldReceipts empty() {
        return new HeldReceipts(List.of());
    }

    public HeldReceipts with(Held held) {
        List<Held> next = new ArrayList<>(receipts);
        next.add(held);
        return new HeldReceipts(next);
    }

    public HeldReceipts without(Predicate<Held> drop) {
        return new HeldReceipts(receipts.stream().filter(drop.negate()).toList());
    }

    public boolean isEmpty() {
        return receipts.isEmpty();
    }
}

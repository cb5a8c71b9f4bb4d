package io.relaysms.tracker.reports;

import io.relaysms.schemas.DeliveryReason;
import io.relaysms.schemas.DeliveryStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Writes a message's one report from what its track knows, in ACS terms: {@code Delivered} only when every segment's
 * final receipt says DELIVRD, else {@code Failed}, with the worst segment's stat and error code kept in the details
 * and {@code carrierStatus}/{@code carrierErrorCode}, the finer {@link DeliveryReason}, and deliveryAttempts counting
 * segments that succeeded and failed.
 */
final class ReportComposer {

    /** Worse first: the stat a multi-segment message is reported with. */
    private static final List<String> SEVERITY = List.of("REJECTD", "UNDELIV", "EXPIRED", "DELETED", "UNKNOWN", "DELIVRD");

    private static final Map<String, DeliveryReason> RECEIPT_REASONS = Map.of(
            "DELIVRD", DeliveryReason.DELIVERED, "UNDELIV", DeliveryReason.CARRIER_UNDELIVERED,
            "DELETED", DeliveryReason.CARRIER_UNDELIVERED, "EXPIRED", DeliveryReason.CARRIER_EXPIRED,
            "REJECTD", DeliveryReason.CARRIER_REJECTED, "UNKNOWN", DeliveryReason.CARRIER_UNKNOWN);

    private static final Map<String, DeliveryReason> DISPATCH_REASONS = Map.of(
            "REJECTED", DeliveryReason.SUBMIT_REJECTED, "FAILED", DeliveryReason.DISPATCH_FAILED,
            "OPTED_OUT", DeliveryReason.OPTED_OUT, "EXPIRED", DeliveryReason.EXPIRED);

    private final ReportSettings settings;

    ReportComposer(ReportSettings settings) {
        this.settings = settings;
    }

    /** Every segment has its final receipt. */
    ReportView fromReceipts(MessageTrack t) {
        Map<Integer, ReceiptView> fates = t.finalReceipts();
        int segments = t.segmentCount();
        int delivered = (int) fates.values().stream().filter(ReceiptView::isDelivered).count();
        Map.Entry<Integer, ReceiptView> worst = worst(fates);
        long at = fates.values().stream().mapToLong(ReceiptView::receivedAt).max().orElseThrow();
        boolean allDelivered = delivered >= segments;
        String details = allDelivered || segments == 1
                ? StatusDetails.receipt(worst.getValue())
                : StatusDetails.segments(worst.getValue(), worst.getKey(), delivered, segments);
        return report(t, allDelivered ? DeliveryStatus.Delivered : DeliveryStatus.Failed, details,
                List.of(new ReportView.Attempt(at, delivered, segments - delivered)), at,
                RECEIPT_REASONS.getOrDefault(worst.getValue().status(), DeliveryReason.OTHER),
                worst.getValue().status(), worst.getValue().errorCode());
    }

    /** The dispatcher's final outcome leaves no receipt to wait for (rejected, failed, opted out, expired). */
    ReportView fromDispatch(MessageTrack t, DispatchView e) {
        boolean reachedCarrier = e.carrierId() != null && ("REJECTED".equals(e.outcome()) || "FAILED".equals(e.outcome()));
        List<ReportView.Attempt> attempts = reachedCarrier
                ? List.of(new ReportView.Attempt(e.occurredAt(), 0, Math.max(1, e.segmentCount()))) : List.of();
        return report(t, DeliveryStatus.Failed, StatusDetails.dispatch(e), attempts, e.occurredAt(),
                DISPATCH_REASONS.getOrDefault(e.outcome(), DeliveryReason.OTHER), null,
                e.errorCode() == null ? null : String.valueOf(e.errorCode()));
    }

    /** The report deadline passed without the outcome. */
    ReportView timedOut(MessageTrack t, long now) {
        Duration timeout = settings.reportTimeout(t.reportTimeoutSeconds());
        if (t.submittedAt() == null) {
            return report(t, DeliveryStatus.Failed, StatusDetails.notSent(t.latestOutcome(), timeout), List.of(), now,
                    DeliveryReason.DISPATCH_FAILED, null, null);
        }
        Map<Integer, ReceiptView> fates = t.finalReceipts();
        int segments = t.segmentCount();
        int delivered = (int) fates.values().stream().filter(ReceiptView::isDelivered).count();
        Map.Entry<Integer, ReceiptView> worst = fates.isEmpty() ? null : worst(fates);
        return report(t, DeliveryStatus.Failed, StatusDetails.receiptTimeout(timeout, fates.size(), segments),
                List.of(new ReportView.Attempt(now, delivered, segments - delivered)), now, DeliveryReason.RECEIPT_TIMEOUT,
                worst == null ? null : worst.getValue().status(), worst == null ? null : worst.getValue().errorCode());
    }

    private static Map.Entry<Integer, ReceiptView> worst(Map<Integer, ReceiptView> fates) {
        return fates.entrySet().stream()
                .min((a, b) -> Integer.compare(rank(a.getValue().status()), rank(b.getValue().status())))
                .orElseThrow();
    }

    private static int rank(String status) {
        int rank = SEVERITY.indexOf(status);
        return rank < 0 ? SEVERITY.size() : rank;
    }

    private static ReportView report(MessageTrack t, DeliveryStatus status, String details, List<ReportView.Attempt> attempts,
                                     long receivedTimestamp, DeliveryReason reason, String carrierStatus, String carrierErrorCode) {
        return new ReportView(t.messageId(), t.from(), t.to(), status.name(), details, attempts, receivedTimestamp, t.tag(),
                reason.name(), t.enableDeliveryReport(), t.segmentCount(), t.carrierId(), carrierStatus, carrierErrorCode,
                t.requestAcceptedAt(), t.submittedAt());
    }
}

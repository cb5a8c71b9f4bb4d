package io.relaysms.tracker.reports;

import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.SegmentSubmission;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A dispatch event as the tracker keeps it in a message's timeline: the fields of {@link DispatchEvent} that say
 * what happened and what the report needs, times in epoch milliseconds.
 */
public record DispatchView(String messageId, String from, String to, String outcome, int attempt, String carrierId,
                           int segmentCount, String encoding, List<Segment> segments, Integer errorCode,
                           String errorDescription, Long retryAt, long occurredAt, long requestAcceptedAt, long validUntil,
                           boolean enableDeliveryReport, String tag, Integer deliveryReportTimeoutSeconds, String workerId) {

    /** Outcomes after which no receipt can come: the report follows from the outcome alone. */
    private static final Set<String> FINAL_WITHOUT_RECEIPT = Set.of("REJECTED", "FAILED", "OPTED_OUT", "EXPIRED");

    /** One segment's answer from the carrier. */
    public record Segment(int sequence, String carrierMessageId, Integer commandStatus) {
    }

    public DispatchView {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    public static DispatchView from(DispatchEvent e) {
        List<Segment> segments = e.getSegments().stream().map(DispatchView::segment).toList();
        return new DispatchView(e.getMessageId(), e.getFrom(), e.getTo(), e.getOutcome().name(), e.getAttempt(), e.getCarrierId(),
                e.getSegmentCount(), e.getEncoding().name(), segments, e.getErrorCode(), e.getErrorDescription(),
                millis(e.getRetryAt()), e.getOccurredAt().toEpochMilli(), e.getRequestAcceptedAt().toEpochMilli(),
                e.getValidUntil().toEpochMilli(), e.getEnableDeliveryReport(), e.getTag(), e.getDeliveryReportTimeoutSeconds(),
                e.getWorkerId());
    }

    public boolean isSubmitted() {
        return "SUBMITTED".equals(outcome);
    }

    public boolean isFinalWithoutReceipt() {
        return FINAL_WITHOUT_RECEIPT.contains(outcome);
    }

    private static Segment segment(SegmentSubmission s) {
        return new Segment(s.getSequence(), s.getCarrierMessageId(), s.getCommandStatus());
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}

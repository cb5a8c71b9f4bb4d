package io.relaysms.tracker.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.relaysms.tracker.acs.AcsDeliveryReport;
import io.relaysms.tracker.reports.DispatchView;
import io.relaysms.tracker.reports.MessageTrack;
import io.relaysms.tracker.reports.ReceiptView;
import io.relaysms.tracker.reports.ReportView;
import java.time.Instant;
import java.util.List;

/**
 * The support view of one message ({@code GET /messages/{id}/timeline}): where it stands, each dispatch attempt as the
 * dispatcher recorded it, each receipt as the carrier sent it and how it was matched, and the report with Relay's
 * finer reason and the carrier's own status. Times are ISO-8601 UTC.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TimelineBody(String messageId, String status, String from, String to, String tag, Boolean enableDeliveryReport,
                    Integer segmentCount, String carrierId, String requestAcceptedAt, String submittedAt, String reportDueAt,
                    List<Dispatch> dispatchAttempts, int dispatchAttemptsOmitted, List<Receipt> receipts, int receiptsOmitted,
                    Report report) {

    /** One dispatch event. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Dispatch(int attempt, String outcome, String occurredAt, String carrierId, int segmentCount,
                    List<DispatchView.Segment> segments, Integer errorCode, String errorDescription, String retryAt,
                    String workerId) {
    }

    /** One matched receipt. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Receipt(int segment, String carrierId, String carrierMessageId, String status, String errorCode, String receivedAt,
                   String doneDate, String matchedBy, boolean duplicate, boolean afterReport, String receiptText) {
    }

    /** The report: the ACS fields plus why, and what the carrier said. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Report(@JsonUnwrapped AcsDeliveryReport acs, String reason, String carrierStatus, String carrierErrorCode) {
    }

    static TimelineBody of(MessageTrack t) {
        boolean known = t.from() != null;
        String status = t.report() != null ? "reported"
                : !known ? "receipts-only" : t.submittedAt() != null ? "waiting-for-receipts" : "waiting-to-be-sent";
        return new TimelineBody(t.messageId(), status, t.from(), t.to(), t.tag(), known ? t.enableDeliveryReport() : null,
                t.segmentCount() == 0 ? null : t.segmentCount(), t.carrierId(), time(t.requestAcceptedAt()), time(t.submittedAt()),
                time(t.reportDeadline()),
                t.dispatchEvents().stream().map(TimelineBody::dispatch).toList(), t.dispatchEventsOmitted(),
                t.receipts().stream().map(TimelineBody::receipt).toList(), t.receiptsOmitted(),
                t.report() == null ? null : report(t.report()));
    }

    private static Dispatch dispatch(DispatchView e) {
        return new Dispatch(e.attempt(), e.outcome(), time(e.occurredAt()), e.carrierId(), e.segmentCount(), e.segments(),
                e.errorCode(), e.errorDescription(), time(e.retryAt()), e.workerId());
    }

    private static Receipt receipt(MessageTrack.ReceiptStep step) {
        ReceiptView r = step.receipt();
        return new Receipt(step.sequence(), r.carrierId(), r.carrierMessageId(), r.status(), r.errorCode(), time(r.receivedAt()),
                time(r.doneDate()), step.matchedBy(), step.duplicate(), step.afterReport(), r.receiptText());
    }

    private static Report report(ReportView r) {
        return new Report(AcsDeliveryReport.of(r), r.reason(), r.carrierStatus(), r.carrierErrorCode());
    }

    private static String time(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
    }
}

package io.relaysms.tracker.acs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.relaysms.tracker.reports.ReportView;
import java.time.Instant;
import java.util.List;

/**
 * A delivery report in ACS wire form: the body of {@code GET /deliveryReports/{id}} (API 2025-08-01-preview and
 * 2026-01-23) and the data of the Event Grid {@code Microsoft.Communication.SMSDeliveryReportReceived} event, which
 * share their fields. camelCase, ISO-8601 UTC times, {@code tag} omitted when the message had none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AcsDeliveryReport(String messageId, String from, String to, String deliveryStatus, String deliveryStatusDetails,
                                List<Attempt> deliveryAttempts, String receivedTimestamp, String tag) {

    /** ACS deliveryAttempts[] item. */
    public record Attempt(String timestamp, int segmentsSucceeded, int segmentsFailed) {
    }

    public static AcsDeliveryReport of(ReportView report) {
        return new AcsDeliveryReport(report.messageId(), report.from(), report.to(), report.deliveryStatus(),
                report.deliveryStatusDetails(),
                report.deliveryAttempts().stream().map(a -> new Attempt(time(a.timestamp()), a.segmentsSucceeded(),
                        a.segmentsFailed())).toList(),
                time(report.receivedTimestamp()), report.tag());
    }

    static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}

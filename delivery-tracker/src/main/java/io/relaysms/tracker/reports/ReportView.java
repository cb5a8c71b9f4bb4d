package io.relaysms.tracker.reports;

import io.relaysms.schemas.DeliveryAttempt;
import io.relaysms.schemas.DeliveryReason;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DeliveryStatus;
import java.time.Instant;
import java.util.List;

/**
 * A delivery report as the tracker keeps it (in a message's track, for queries) and converts to and from the
 * {@link DeliveryReport} record of {@code sms-delivery-reports}. Times are epoch milliseconds.
 */
public record ReportView(String messageId, String from, String to, String deliveryStatus, String deliveryStatusDetails,
                         List<Attempt> deliveryAttempts, long receivedTimestamp, String tag, String reason,
                         boolean enableDeliveryReport, int segmentCount, String carrierId, String carrierStatus,
                         String carrierErrorCode, Long requestAcceptedAt, Long submittedAt) {

    /** ACS deliveryAttempts[] item. */
    public record Attempt(long timestamp, int segmentsSucceeded, int segmentsFailed) {
    }

    public ReportView {
        deliveryAttempts = deliveryAttempts == null ? List.of() : List.copyOf(deliveryAttempts);
    }

    public boolean delivered() {
        return DeliveryStatus.Delivered.name().equals(deliveryStatus);
    }

    public DeliveryReport toAvro() {
        return DeliveryReport.newBuilder()
                .setMessageId(messageId).setFrom(from).setTo(to)
                .setDeliveryStatus(DeliveryStatus.valueOf(deliveryStatus))
                .setDeliveryStatusDetails(deliveryStatusDetails)
                .setDeliveryAttempts(deliveryAttempts.stream().map(a -> DeliveryAttempt.newBuilder()
                        .setTimestamp(Instant.ofEpochMilli(a.timestamp())).setSegmentsSucceeded(a.segmentsSucceeded())
                        .setSegmentsFailed(a.segmentsFailed()).build()).toList())
                .setReceivedTimestamp(Instant.ofEpochMilli(receivedTimestamp))
                .setTag(tag).setReason(DeliveryReason.valueOf(reason))
                .setEnableDeliveryReport(enableDeliveryReport).setSegmentCount(segmentCount)
                .setCarrierId(carrierId).setCarrierStatus(carrierStatus).setCarrierErrorCode(carrierErrorCode)
                .setRequestAcceptedAt(requestAcceptedAt == null ? null : Instant.ofEpochMilli(requestAcceptedAt))
                .setSubmittedAt(submittedAt == null ? null : Instant.ofEpochMilli(submittedAt))
                .build();
    }

    public static ReportView from(DeliveryReport r) {
        return new ReportView(r.getMessageId(), r.getFrom(), r.getTo(), r.getDeliveryStatus().name(), r.getDeliveryStatusDetails(),
                r.getDeliveryAttempts().stream().map(a -> new Attempt(a.getTimestamp().toEpochMilli(), a.getSegmentsSucceeded(),
                        a.getSegmentsFailed())).toList(),
                r.getReceivedTimestamp().toEpochMilli(), r.getTag(), r.getReason().name(), r.getEnableDeliveryReport(),
                r.getSegmentCount(), r.getCarrierId(), r.getCarrierStatus(), r.getCarrierErrorCode(),
                r.getRequestAcceptedAt() == null ? null : r.getRequestAcceptedAt().toEpochMilli(),
                r.getSubmittedAt() == null ? null : r.getSubmittedAt().toEpochMilli());
    }
}

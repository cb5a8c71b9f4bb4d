package io.relaysms.dispatcher.dispatch;

import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.DispatchOutcome;
import io.relaysms.schemas.SegmentSubmission;
import io.relaysms.schemas.SmsRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link DispatchEvent} of an outcome: the request's identity and reporting options copied, the
 * source partition and offset, the carrier's ids per segment exactly as submit_sm_resp gave them.
 */
final class DispatchEvents {

    private final String workerId;

    DispatchEvents(String workerId) {
        this.workerId = workerId;
    }

    DispatchEvent.Builder base(PendingMessage m, DispatchOutcome outcome, Instant now) {
        SmsRequest r = m.request;
        return DispatchEvent.newBuilder()
                .setMessageId(r.getMessageId())
                .setFrom(r.getFrom())
                .setTo(r.getTo())
                .setOutcome(outcome)
                .setAttempt(Math.max(1, m.attempt))
                .setSegmentCount(m.segments == null ? r.getSegmentCount() : m.segments.count())
                .setEncoding(m.segments == null ? r.getEncoding() : m.segments.encoding())
                .setSourcePartition(m.partition)
                .setSourceOffset(m.offset)
                .setOccurredAt(now)
                .setRequestAcceptedAt(r.getAcceptedAt())
                .setValidUntil(r.getValidUntil())
                .setEnableDeliveryReport(r.getEnableDeliveryReport())
                .setTag(r.getTag())
                .setDeliveryReportTimeoutSeconds(r.getDeliveryReportTimeoutSeconds())
                .setOrigin(r.getOrigin())
                .setWorkerId(workerId);
    }

    /** Nothing was sent: OPTED_OUT, EXPIRED, or REJECTED before any carrier saw it. */
    DispatchEvent notSent(PendingMessage m, DispatchOutcome outcome, String reason, Instant now) {
        return base(m, outcome, now).setErrorDescription(reason).build();
    }

    DispatchEvent submitted(PendingMessage m, String carrierId, Instant now) {
        return base(m, DispatchOutcome.SUBMITTED, now).setCarrierId(carrierId).setSegments(segments(m, null)).build();
    }

    /** REJECTED or FAILED after a carrier answered; the parts it had accepted are listed with the failing one. */
    DispatchEvent failed(PendingMessage m, DispatchOutcome outcome, String carrierId, int code, String description, Instant now) {
        return base(m, outcome, now).setCarrierId(carrierId).setSegments(segments(m, code))
                .setErrorCode(code).setErrorDescription(description).build();
    }

    /** THROTTLED or RETRYING: not final, the next attempt is due at {@code retryAt}. */
    DispatchEvent retrying(PendingMessage m, DispatchOutcome outcome, String carrierId, int code, String description,
                           Instant retryAt, Instant now) {
        return base(m, outcome, now).setCarrierId(carrierId).setSegments(segments(m, code)).setErrorCode(code)
                .setErrorDescription(description).setRetryAt(retryAt).build();
    }

    private static List<SegmentSubmission> segments(PendingMessage m, Integer failingStatus) {
        List<SegmentSubmission> list = new ArrayList<>();
        for (int i = 0; i < m.acceptedIds.size(); i++) {
            list.add(SegmentSubmission.newBuilder().setSequence(i + 1).setCarrierMessageId(m.acceptedIds.get(i))
                    .setCommandStatus(0).build());
        }
        if (failingStatus != null) {
            list.add(SegmentSubmission.newBuilder().setSequence(m.acceptedIds.size() + 1).setCarrierMessageId(null)
                    .setCommandStatus(failingStatus).build());
        }
        return list;
    }
}

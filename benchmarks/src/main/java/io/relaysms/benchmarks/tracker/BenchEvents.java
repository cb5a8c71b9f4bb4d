package io.relaysms.benchmarks.tracker;

import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.DispatchOutcome;
import io.relaysms.schemas.MessageEncoding;
import io.relaysms.schemas.ReceiptStatus;
import io.relaysms.schemas.SegmentSubmission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's inputs, shaped as the dispatcher and the carrier simulator write them: segment n of the run gets
 * carrier id n, answered in lower-case hex in submit_sm_resp and receipted in decimal (or upper-case hex when the
 * route's formats are left on auto, so every receipt needs normalising).
 */
final class BenchEvents {

    static final String CARRIER = "bench-carrier";
    static final String OUR_NUMBER = "+18005550100";

    private BenchEvents() {
    }

    static DispatchEvent submitted(String messageId, long firstSegment, int segments, Instant at) {
        List<SegmentSubmission> parts = new ArrayList<>(segments);
        for (int s = 0; s < segments; s++) {
            parts.add(SegmentSubmission.newBuilder().setSequence(s + 1).setCarrierMessageId(Long.toHexString(firstSegment + s))
                    .setCommandStatus(0).build());
        }
        return DispatchEvent.newBuilder()
                .setMessageId(messageId).setFrom(OUR_NUMBER).setTo(handset(firstSegment)).setOutcome(DispatchOutcome.SUBMITTED)
                .setAttempt(1).setCarrierId(CARRIER).setSegmentCount(segments).setEncoding(MessageEncoding.GSM7).setSegments(parts)
                .setSourcePartition(0).setSourceOffset(firstSegment).setOccurredAt(at).setRequestAcceptedAt(at)
                .setValidUntil(at.plus(Duration.ofHours(1))).setEnableDeliveryReport(true).build();
    }

    static CarrierReceipt receipt(long segment, boolean decimal, long firstSegmentOfMessage, Instant at) {
        String id = decimal ? Long.toString(segment) : Long.toHexString(segment).toUpperCase(Locale.ROOT);
        return CarrierReceipt.newBuilder()
                .setCarrierId(CARRIER).setCarrierMessageId(id).setStatus(ReceiptStatus.DELIVRD).setErrorCode("000")
                .setHandset(handset(firstSegmentOfMessage).substring(1)).setOurNumber(OUR_NUMBER.substring(1))
                .setReceivedAt(at).build();
    }

    private static String handset(long n) {
        return "+1555" + String.format("%07d", n % 10_000_000);
    }
}

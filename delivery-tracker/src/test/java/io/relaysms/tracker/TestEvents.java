package io.relaysms.tracker;

import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.DispatchOutcome;
import io.relaysms.schemas.InboundMessagePart;
import io.relaysms.schemas.MessageEncoding;
import io.relaysms.schemas.ReceiptStatus;
import io.relaysms.schemas.SegmentSubmission;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Input records as the dispatcher and the SMPP receiver write them, with plain defaults. */
public final class TestEvents {

    public static final String OUR_NUMBER = "+18005550100";
    public static final String HANDSET = "+15550001111";

    private TestEvents() {
    }

    /** A dispatch event of attempt 1 with everything but the outcome defaulted. */
    public static DispatchEvent.Builder dispatch(String messageId, DispatchOutcome outcome, Instant at) {
        return DispatchEvent.newBuilder()
                .setMessageId(messageId).setFrom(OUR_NUMBER).setTo(HANDSET).setOutcome(outcome).setAttempt(1)
                .setCarrierId("carrier-a").setSegmentCount(1).setEncoding(MessageEncoding.GSM7).setSegments(List.of())
                .setSourcePartition(0).setSourceOffset(0).setOccurredAt(at).setRequestAcceptedAt(at.minusMillis(50))
                .setValidUntil(at.plus(Duration.ofHours(5))).setEnableDeliveryReport(true).setTag("order-42");
    }

    /** A SUBMITTED event whose segments got the given carrier message ids, in order. */
    public static DispatchEvent submitted(String messageId, String carrier, Instant at, String... carrierMessageIds) {
        List<SegmentSubmission> segments = new ArrayList<>();
        for (int i = 0; i < carrierMessageIds.length; i++) {
            segments.add(SegmentSubmission.newBuilder().setSequence(i + 1).setCarrierMessageId(carrierMessageIds[i])
                    .setCommandStatus(0).build());
        }
        return dispatch(messageId, DispatchOutcome.SUBMITTED, at).setCarrierId(carrier)
                .setSegmentCount(carrierMessageIds.length).setSegments(segments).build();
    }

    public static CarrierReceipt receipt(String carrier, String carrierMessageId, ReceiptStatus status, Instant at) {
        return CarrierReceipt.newBuilder()
                .setCarrierId(carrier).setCarrierMessageId(carrierMessageId).setStatus(status)
                .setErrorCode(status == ReceiptStatus.DELIVRD ? "000" : "001")
                .setHandset(HANDSET.substring(1)).setOurNumber(OUR_NUMBER.substring(1))
                .setReceiptText("id:" + carrierMessageId + " sub:001 dlvrd:001 stat:" + status + " err:000")
                .setReceivedAt(at).build();
    }

    /** A part from the handset to our number. */
    public static InboundMessagePart.Builder part(int dataCoding, int esmClass, byte[] payload, Instant at) {
        return InboundMessagePart.newBuilder()
                .setPartId(UUID.randomUUID().toString()).setCarrierId("carrier-a").setFrom(HANDSET).setTo(OUR_NUMBER)
                .setDataCoding(dataCoding).setEsmClass(esmClass).setPayload(ByteBuffer.wrap(payload)).setReceivedAt(at);
    }

    /** A user data header with an 8-bit concatenation reference, followed by the body. */
    public static byte[] withUdh(int reference, int total, int sequence, byte[] body) {
        byte[] data = new byte[6 + body.length];
        data[0] = 5;
        data[1] = 0;
        data[2] = 3;
        data[3] = (byte) reference;
        data[4] = (byte) total;
        data[5] = (byte) sequence;
        System.arraycopy(body, 0, data, 6, body.length);
        return data;
    }
}

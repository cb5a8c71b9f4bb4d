package io.relaysms.tracker.inbound;

import io.relaysms.schemas.InboundMessagePart;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * An inbound part as the reassembly store keeps it: every field of {@link InboundMessagePart} (the payload exactly as
 * received, header included), so a part can be decoded when its siblings arrive and converted back unchanged for the
 * dead-letter topic.
 */
public record PartView(String partId, String carrierId, String from, String to, int dataCoding, int esmClass, byte[] payload,
                       Integer sarReferenceNumber, Integer sarTotalSegments, Integer sarSegmentSequence, long receivedAt) {

    public static PartView from(InboundMessagePart part) {
        ByteBuffer buffer = part.getPayload().duplicate();
        byte[] payload = new byte[buffer.remaining()];
        buffer.get(payload);
        return new PartView(part.getPartId(), part.getCarrierId(), part.getFrom(), part.getTo(), part.getDataCoding(),
                part.getEsmClass(), payload, part.getSarReferenceNumber(), part.getSarTotalSegments(),
                part.getSarSegmentSequence(), part.getReceivedAt().toEpochMilli());
    }

    public InboundMessagePart toAvro() {
        return InboundMessagePart.newBuilder()
                .setPartId(partId).setCarrierId(carrierId).setFrom(from).setTo(to).setDataCoding(dataCoding)
                .setEsmClass(esmClass).setPayload(ByteBuffer.wrap(payload)).setSarReferenceNumber(sarReferenceNumber)
                .setSarTotalSegments(sarTotalSegments).setSarSegmentSequence(sarSegmentSequence)
                .setReceivedAt(Instant.ofEpochMilli(receivedAt)).build();
    }
}

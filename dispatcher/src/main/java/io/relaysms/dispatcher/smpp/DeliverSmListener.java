package io.relaysms.dispatcher.smpp;

import io.relaysms.dispatcher.inbound.InboundSink;
import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.InboundMessagePart;
import io.relaysms.schemas.ReceiptStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * Turns the deliver_sm a carrier sends on our binds into records. A delivery receipt (esm_class bits 2-5 = 0x04)
 * becomes a {@link CarrierReceipt}: the carrier's id from the receipted_message_id TLV, else the text's {@code id:},
 * exactly as written; the text's fields parsed. Anything else is a mobile-originated part, kept raw
 * ({@link InboundMessagePart}: payload with its UDH, SAR TLVs). The bind answers deliver_sm_resp once Kafka
 * acknowledged the record; when Kafka could not take it the carrier gets ESME_RSYSERR (0x08) and sends it again.
 */
public final class DeliverSmListener implements DeliverSmReceiver {

    private final String carrierId;
    private final InboundSink sink;
    private final Clock clock;

    public DeliverSmListener(String carrierId, InboundSink sink, Clock clock) {
        this.carrierId = carrierId;
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> store(DeliverSm deliverSm) {
        return deliverSm.isSmscDeliveryReceipt() ? sink.storeReceipt(receipt(deliverSm)) : sink.storeInboundPart(part(deliverSm));
    }

    CarrierReceipt receipt(DeliverSm deliverSm) {
        String text = deliverSm.getShortMessage() == null ? "" : new String(deliverSm.getShortMessage(), StandardCharsets.ISO_8859_1);
        ReceiptText parsed = ReceiptText.parse(text);
        Optional<String> tlvId = tlv(deliverSm, OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code())
                .map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).replace("\0", "").trim());
        Integer messageState = tlv(deliverSm, OptionalParameter.Tag.MESSAGE_STATE.code())
                .filter(bytes -> bytes.length == 1).map(bytes -> bytes[0] & 0xFF).orElse(null);
        return CarrierReceipt.newBuilder()
                .setCarrierId(carrierId)
                .setCarrierMessageId(tlvId.filter(id -> !id.isEmpty()).or(parsed::id).orElse(""))
                .setStatus(status(parsed.stat().orElse("UNKNOWN")))
                .setErrorCode(parsed.err().orElse(null))
                .setMessageState(messageState)
                .setSubmitDate(parsed.date("submit date").map(java.time.Instant::ofEpochMilli).orElse(null))
                .setDoneDate(parsed.date("done date").map(java.time.Instant::ofEpochMilli).orElse(null))
                .setHandset(SmppAddress.toRelay(deliverSm.getSourceAddrTon(), deliverSm.getSourceAddr()))
                .setOurNumber(SmppAddress.toRelay(deliverSm.getDestAddrTon(), deliverSm.getDestAddress()))
                .setReceiptText(text)
                .setReceivedAt(clock.instant())
                .build();
    }

    InboundMessagePart part(DeliverSm deliverSm) {
        byte[] shortMessage = deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage();
        byte[] payload = shortMessage.length > 0 ? shortMessage
                : tlv(deliverSm, OptionalParameter.Tag.MESSAGE_PAYLOAD.code()).orElse(new byte[0]);
        return InboundMessagePart.newBuilder()
                .setPartId(UUID.randomUUID().toString())
                .setCarrierId(carrierId)
                .setFrom(SmppAddress.toRelay(deliverSm.getSourceAddrTon(), deliverSm.getSourceAddr()))
                .setTo(SmppAddress.toRelay(deliverSm.getDestAddrTon(), deliverSm.getDestAddress()))
                .setDataCoding(deliverSm.getDataCoding() & 0xFF)
                .setEsmClass(deliverSm.getEsmClass() & 0xFF)
                .setPayload(ByteBuffer.wrap(payload))
                .setSarReferenceNumber(unsigned(tlv(deliverSm, OptionalParameter.Tag.SAR_MSG_REF_NUM.code())))
                .setSarTotalSegments(unsigned(tlv(deliverSm, OptionalParameter.Tag.SAR_TOTAL_SEGMENTS.code())))
                .setSarSegmentSequence(unsigned(tlv(deliverSm, OptionalParameter.Tag.SAR_SEGMENT_SEQNUM.code())))
                .setReceivedAt(clock.instant())
                .build();
    }

    private static ReceiptStatus status(String stat) {
        try {
            return ReceiptStatus.valueOf(stat);
        } catch (IllegalArgumentException e) {
            return ReceiptStatus.UNKNOWN;
        }
    }

    /** A TLV's value bytes, whatever class jSMPP chose to read it into. */
    private static Optional<byte[]> tlv(DeliverSm deliverSm, short tag) {
        OptionalParameter parameter = deliverSm.getOptionalParameter(tag);
        if (parameter == null) {
            return Optional.empty();
        }
        byte[] serialized = parameter.serialize();
        return Optional.of(Arrays.copyOfRange(serialized, 4, serialized.length));
    }

    private static Integer unsigned(Optional<byte[]> bytes) {
        return bytes.map(b -> {
            int value = 0;
            for (byte x : b) {
                value = (value << 8) | (x & 0xFF);
            }
            return value;
        }).orElse(null);
    }
}

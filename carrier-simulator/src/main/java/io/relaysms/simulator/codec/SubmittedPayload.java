package io.relaysms.simulator.codec;

import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameter.Tag;
import org.jsmpp.bean.OptionalParameters;

/**
 * The user data of a submit_sm, taken apart: where the bytes came from (short_message or the message_payload
 * TLV), the concatenation information (a UDH at the start of the data when esm_class has UDHI set, or the SAR
 * TLVs) and the message body without the UDH. A malformed UDH is kept as body bytes, as a lenient SMSC does.
 */
public record SubmittedPayload(byte[] body, SegmentInfo segment, boolean fromMessagePayload, byte[] udh) {

    private static final int UDHI = 0x40;
    private static final int IE_CONCAT_8BIT = 0x00;
    private static final int IE_CONCAT_16BIT = 0x08;

    public static SubmittedPayload parse(byte esmClass, byte[] shortMessage, OptionalParameter[] parameters) {
        OptionalParameter payloadTlv = OptionalParameters.get(Tag.MESSAGE_PAYLOAD.code(), parameters);
        boolean fromPayload = (shortMessage == null || shortMessage.length == 0) && payloadTlv != null;
        byte[] data = fromPayload ? ((OptionalParameter.OctetString) payloadTlv).getValue()
                : shortMessage == null ? new byte[0] : shortMessage;
        if ((esmClass & UDHI) != 0 && data.length > 0) {
            int udhLength = data[0] & 0xFF;
            if (udhLength + 1 <= data.length) {
                byte[] udh = java.util.Arrays.copyOfRange(data, 0, udhLength + 1);
                byte[] body = java.util.Arrays.copyOfRange(data, udhLength + 1, data.length);
                return new SubmittedPayload(body, concatenationIn(udh), fromPayload, udh);
            }
        }
        return new SubmittedPayload(data, sarSegment(parameters), fromPayload, new byte[0]);
    }

    private static SegmentInfo concatenationIn(byte[] udh) {
        int i = 1;
        while (i + 1 < udh.length) {
            int ie = udh[i] & 0xFF;
            int length = udh[i + 1] & 0xFF;
            int value = i + 2;
            if (value + length > udh.length) {
                break;
            }
            if (ie == IE_CONCAT_8BIT && length == 3) {
                return new SegmentInfo(SegmentInfo.Method.UDH_8BIT_REF,
                        udh[value] & 0xFF, udh[value + 1] & 0xFF, udh[value + 2] & 0xFF);
            }
            if (ie == IE_CONCAT_16BIT && length == 4) {
                return new SegmentInfo(SegmentInfo.Method.UDH_16BIT_REF,
                        ((udh[value] & 0xFF) << 8) | (udh[value + 1] & 0xFF), udh[value + 2] & 0xFF, udh[value + 3] & 0xFF);
            }
            i = value + length;
        }
        return SegmentInfo.SINGLE;
    }

    private static SegmentInfo sarSegment(OptionalParameter[] parameters) {
        OptionalParameter reference = OptionalParameters.get(Tag.SAR_MSG_REF_NUM.code(), parameters);
        OptionalParameter total = OptionalParameters.get(Tag.SAR_TOTAL_SEGMENTS.code(), parameters);
        OptionalParameter seqnum = OptionalParameters.get(Tag.SAR_SEGMENT_SEQNUM.code(), parameters);
        if (reference == null || total == null || seqnum == null) {
            return SegmentInfo.SINGLE;
        }
        return new SegmentInfo(SegmentInfo.Method.SAR_TLV,
                ((OptionalParameter.Short) reference).getValue() & 0xFFFF,
                ((OptionalParameter.Byte) total).getValue() & 0xFF,
                ((OptionalParameter.Byte) seqnum).getValue() & 0xFF);
    }
}

package io.relaysms.dispatcher.smpp;

import io.relaysms.dispatcher.carrier.OutboundMessage;
import io.relaysms.dispatcher.segment.Concatenation;
import io.relaysms.dispatcher.segment.SegmentedMessage;
import io.relaysms.dispatcher.segment.Udh;
import java.util.ArrayList;
import java.util.List;
import org.jsmpp.bean.OptionalParameter;

/**
 * The submit_sm units of a message under a carrier's concatenation rule: one per part with a UDH (esm_class
 * UDHI) or with the SAR TLVs, or a single submit carrying the whole text in message_payload. A one-part message
 * is a plain submit in every mode.
 */
public final class SubmitSmParts {

    /** One submit_sm's varying fields. */
    public record Unit(int sequence, byte esmClass, byte[] shortMessage, OptionalParameter[] tlvs) {
    }

    private SubmitSmParts() {
    }

    public static int unitCount(SegmentedMessage segments, Concatenation concatenation) {
        return concatenation == Concatenation.PAYLOAD ? 1 : segments.count();
    }

    public static List<Unit> units(OutboundMessage message, Concatenation concatenation) {
        SegmentedMessage segments = message.segments();
        List<Unit> units = new ArrayList<>();
        int total = segments.count();
        if (concatenation == Concatenation.PAYLOAD && total > 1) {
            units.add(new Unit(1, (byte) 0, new byte[0], new OptionalParameter[] {
                    new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), segments.whole())}));
            return units;
        }
        for (int i = 0; i < total; i++) {
            byte[] part = segments.parts().get(i);
            int sequence = i + 1;
            if (total == 1) {
                units.add(new Unit(sequence, (byte) 0, part, new OptionalParameter[0]));
            } else if (concatenation == Concatenation.SAR) {
                units.add(new Unit(sequence, (byte) 0, part, new OptionalParameter[] {
                        new OptionalParameter.Short(OptionalParameter.Tag.SAR_MSG_REF_NUM, (short) segments.reference()),
                        new OptionalParameter.Byte(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS, (byte) total),
                        new OptionalParameter.Byte(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM, (byte) sequence)}));
            } else {
                units.add(new Unit(sequence, Udh.UDHI, Udh.prepend(part, segments.reference(), total, sequence),
                        new OptionalParameter[0]));
            }
        }
        return units;
    }
}

package io.relaysms.simulator.codec;

/**
 * Where a submitted or delivered part sits in a concatenated message, and how the sender said so.
 * An unsegmented message has method {@link Method#NONE}, reference 0 and is part 1 of 1.
 */
public record SegmentInfo(Method method, int reference, int total, int seqnum) {

    /** The ways SMPP 3.4 peers mark concatenation. */
    public enum Method {
        NONE, UDH_8BIT_REF, UDH_16BIT_REF, SAR_TLV
    }

    public static final SegmentInfo SINGLE = new SegmentInfo(Method.NONE, 0, 1, 1);

    public boolean isConcatenated() {
        return method != Method.NONE;
    }

    public boolean isLast() {
        return seqnum >= total;
    }
}

package io.relaysms.tracker.ids;

/**
 * How one carrier route spells message ids in its submit_sm_resp ({@code submit}) and in its delivery receipts
 * ({@code receipt}). The two often differ: a carrier answering in hex and receipting in decimal is the classic cause
 * of receipts "for an unknown message id".
 */
public record RouteIdFormats(IdFormat submit, IdFormat receipt) {

    public static final RouteIdFormats AUTO = new RouteIdFormats(IdFormat.AUTO, IdFormat.AUTO);

    /** Whether each side has exactly one reading, so that one id has exactly one match key. */
    public boolean unambiguous() {
        return submit != IdFormat.AUTO && receipt != IdFormat.AUTO;
    }
}

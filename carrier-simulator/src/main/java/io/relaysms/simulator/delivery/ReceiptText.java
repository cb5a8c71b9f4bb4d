package io.relaysms.simulator.delivery;

import io.relaysms.simulator.behaviour.ReceiptStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The de-facto standard delivery receipt text (SMPP 3.4 appendix B):
 * {@code id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:...}.
 * Dates are UTC. The text field carries the first 20 characters of the message, reduced to printable ASCII
 * because the receipt travels as data_coding 0 and parsers treat it as ASCII.
 */
public final class ReceiptText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);
    private static final int TEXT_LENGTH = 20;

    private ReceiptText() {
    }

    public static String format(String id, Instant submitted, Instant done, ReceiptStatus status, String error, String text) {
        return "id:" + id
                + " sub:001"
                + " dlvrd:" + (status.isDelivered() ? "001" : "000")
                + " submit date:" + DATE.format(submitted)
                + " done date:" + DATE.format(done)
                + " stat:" + status.name()
                + " err:" + error
                + " text:" + printable(text);
    }

    private static String printable(String text) {
        StringBuilder shown = new StringBuilder(TEXT_LENGTH);
        for (int i = 0; i < text.length() && shown.length() < TEXT_LENGTH; i++) {
            char c = text.charAt(i);
            shown.append(c >= 0x20 && c < 0x7F ? c : c == '\n' || c == '\r' ? ' ' : '?');
        }
        return shown.toString();
    }
}

package io.relaysms.tracker.reports;

import java.time.Duration;
import java.util.Map;

/**
 * The text of ACS {@code deliveryStatusDetails}: readable, and keeping what the carrier said (its receipt stat and
 * error code, or the submit's command status) so that support can take it to the carrier. The opt-out text is
 * the one ACS uses.
 */
final class StatusDetails {

    static final String OPTED_OUT = "Sender blocked for given recipient.";

    private static final Map<String, String> RECEIPT_MEANINGS = Map.of(
            "DELIVRD", "No error.",
            "UNDELIV", "The carrier could not deliver the message.",
            "EXPIRED", "The carrier's validity period ended before the message could be delivered.",
            "DELETED", "The carrier deleted the message.",
            "REJECTD", "The carrier rejected the message.",
            "UNKNOWN", "The carrier reported the message state as unknown.");

    private StatusDetails() {
    }

    /** {@code UNDELIV (err 001): The carrier could not deliver the message.} */
    static String receipt(ReceiptView receipt) {
        String code = receipt.errorCode() == null || receipt.errorCode().isBlank() ? "" : " (err " + receipt.errorCode() + ")";
        return receipt.status() + code + ": " + RECEIPT_MEANINGS.getOrDefault(receipt.status(), "Final carrier state.");
    }

    /** A failed multi-segment message says which segment failed and how many made it. */
    static String segments(ReceiptView worst, int worstSequence, int delivered, int segments) {
        return receipt(worst) + " Segment " + worstSequence + " of " + segments + "; " + delivered + " of " + segments
                + " segments delivered.";
    }

    static String dispatch(DispatchView e) {
        String code = e.errorCode() == null ? "" : " (error " + e.errorCode() + ")";
        String description = e.errorDescription() == null || e.errorDescription().isBlank() ? "" : ": " + e.errorDescription();
        return switch (e.outcome()) {
            case "OPTED_OUT" -> OPTED_OUT;
            case "REJECTED" -> "The carrier refused the message" + code + description + ".";
            case "FAILED" -> "The message could not be sent" + code + description + ".";
            case "EXPIRED" -> "The message's validity period ended before it could be sent" + description + ".";
            default -> "Dispatch outcome " + e.outcome() + code + description + ".";
        };
    }

    static String receiptTimeout(Duration timeout, int finalReceipts, int segments) {
        String text = "No delivery receipt from the carrier within " + timeout.toSeconds() + " seconds.";
        return segments > 1 ? text + " Final receipts for " + finalReceipts + " of " + segments + " segments." : text;
    }

    static String notSent(String lastOutcome, Duration timeout) {
        return "The message was not sent: its last dispatch outcome was " + lastOutcome + " and nothing followed within "
                + timeout.toSeconds() + " seconds of its validity ending.";
    }
}

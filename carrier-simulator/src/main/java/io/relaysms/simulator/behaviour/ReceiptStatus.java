package io.relaysms.simulator.behaviour;

import java.util.Locale;
import java.util.Optional;

/**
 * Final states a delivery receipt reports: the {@code stat:} word of the receipt text and the value of the
 * message_state TLV (SMPP 3.4, 5.2.28), with the {@code err:} code this simulator reports by default.
 */
public enum ReceiptStatus {
    DELIVRD(2, "000"),
    EXPIRED(3, "001"),
    UNDELIV(5, "002"),
    UNKNOWN(7, "003"),
    REJECTD(8, "004");

    private final int messageState;
    private final String defaultError;

    ReceiptStatus(int messageState, String defaultError) {
        this.messageState = messageState;
        this.defaultError = defaultError;
    }

    public int messageState() {
        return messageState;
    }

    public String defaultError() {
        return defaultError;
    }

    public boolean isDelivered() {
        return this == DELIVRD;
    }

    public static Optional<ReceiptStatus> parse(String word) {
        try {
            return Optional.of(valueOf(word.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

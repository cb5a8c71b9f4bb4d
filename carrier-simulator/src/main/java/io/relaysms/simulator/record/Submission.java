package io.relaysms.simulator.record;

import io.relaysms.simulator.codec.SegmentInfo;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One submit_sm as the carrier received it and what it answered: who sent it (bind, system id), the
 * addresses as written on the wire, the coding, the concatenation information, the body without UDH (and its
 * text when the coding is a text coding), the command_status answered and, when accepted, the carrier
 * message id as given in submit_sm_resp.
 */
public record Submission(
        long sequence,
        Instant receivedAt,
        String systemId,
        String sessionId,
        String sourceAddr, int sourceTon, int sourceNpi,
        String destAddr, int destTon, int destNpi,
        int esmClass, int dataCoding, int registeredDelivery, String serviceType,
        SegmentInfo segment,
        boolean inMessagePayload,
        byte[] body,
        Optional<String> text,
        int commandStatus,
        String status,
        Optional<String> messageId,
        String rule) {

    public boolean accepted() {
        return commandStatus == 0;
    }

    public String bodyHex() {
        return HexFormat.of().formatHex(body);
    }

    /** Whether the sender asked for a receipt: registered_delivery bits 0-1 of 1 (any outcome) or 2 (failure). */
    public boolean wantsReceipt(boolean failure) {
        int smscReceipt = registeredDelivery & 0x03;
        return smscReceipt == 1 || (smscReceipt == 2 && failure);
    }
}

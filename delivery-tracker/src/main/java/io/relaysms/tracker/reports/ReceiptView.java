package io.relaysms.tracker.reports;

import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.ReceiptStatus;
import java.time.Instant;
import java.util.Set;

/**
 * A carrier receipt as the tracker keeps it in its stores and timelines: every field of {@link CarrierReceipt},
 * times in epoch milliseconds. It converts back losslessly, so a receipt that is never matched leaves for the
 * dead-letter topic as it came.
 */
public record ReceiptView(String carrierId, String carrierMessageId, String status, String errorCode, Integer messageState,
                          Long submitDate, Long doneDate, String handset, String ourNumber, String receiptText,
                          long receivedAt) {

    /** The stats of SMPP 3.4 Appendix B that end a message's life; ENROUTE and ACCEPTD say it is on its way. */
    private static final Set<String> FINAL = Set.of("DELIVRD", "EXPIRED", "DELETED", "UNDELIV", "UNKNOWN", "REJECTD");

    public static ReceiptView from(CarrierReceipt receipt) {
        return new ReceiptView(receipt.getCarrierId(), receipt.getCarrierMessageId(), receipt.getStatus().name(),
                receipt.getErrorCode(), receipt.getMessageState(), millis(receipt.getSubmitDate()), millis(receipt.getDoneDate()),
                receipt.getHandset(), receipt.getOurNumber(), receipt.getReceiptText(), receipt.getReceivedAt().toEpochMilli());
    }

    public CarrierReceipt toAvro() {
        return CarrierReceipt.newBuilder()
                .setCarrierId(carrierId).setCarrierMessageId(carrierMessageId).setStatus(ReceiptStatus.valueOf(status))
                .setErrorCode(errorCode).setMessageState(messageState)
                .setSubmitDate(submitDate == null ? null : Instant.ofEpochMilli(submitDate))
                .setDoneDate(doneDate == null ? null : Instant.ofEpochMilli(doneDate))
                .setHandset(handset).setOurNumber(ourNumber).setReceiptText(receiptText)
                .setReceivedAt(Instant.ofEpochMilli(receivedAt)).build();
    }

    public boolean isFinal() {
        return FINAL.contains(status);
    }

    public boolean isDelivered() {
        return "DELIVRD".equals(status);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}

package io.relaysms.simulator.delivery;

import io.relaysms.simulator.behaviour.ReceiptStatus;
import io.relaysms.simulator.ids.MessageIdFormat;
import io.relaysms.simulator.record.Submission;
import io.relaysms.simulator.smpp.SmppAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jsmpp.bean.OptionalParameter;

/**
 * Builds the delivery receipt of one accepted part as carriers send it: a deliver_sm from the recipient back
 * to the sender (addresses as the submit wrote them), esm_class 0x04 (SMSC delivery receipt), the standard
 * receipt text with the id in the receipt format, and the receipted_message_id (in the submit_sm_resp form)
 * and message_state TLVs.
 */
public final class ReceiptFactory {

    private static final int ESM_CLASS_SMSC_RECEIPT = 0x04;

    private final MessageIdFormat textIdFormat;

    public ReceiptFactory(MessageIdFormat textIdFormat) {
        this.textIdFormat = textIdFormat;
    }

    public OutboundDeliver receipt(Submission submission, long idNumber, ReceiptStatus status, String error, Instant done) {
        String text = ReceiptText.format(textIdFormat.render(idNumber), submission.receivedAt(), done, status, error,
                submission.text().orElse(""));
        String respId = submission.messageId().orElseThrow(() -> new IllegalArgumentException("only accepted parts have receipts"));
        OptionalParameter[] tlvs = {
                new OptionalParameter.Receipted_message_id(respId),
                new OptionalParameter.Message_state((byte) status.messageState())};
        return new OutboundDeliver(OutboundDeliver.Kind.RECEIPT, submission.systemId(),
                new SmppAddress(submission.destAddr(), submission.destTon(), submission.destNpi()),
                new SmppAddress(submission.sourceAddr(), submission.sourceTon(), submission.sourceNpi()),
                ESM_CLASS_SMSC_RECEIPT, 0, text.getBytes(StandardCharsets.US_ASCII), tlvs,
                "receipt " + status + " for " + respId);
    }
}

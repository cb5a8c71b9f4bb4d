package io.relaysms.dispatcher.carrier;

import io.relaysms.dispatcher.segment.SegmentedMessage;

/**
 * One message as a carrier connection submits it: addresses, the parts, whether to ask for a receipt, and
 * from which part on to submit (parts accepted by an earlier attempt are not sent again).
 */
public record OutboundMessage(
        String messageId,
        String from,
        String to,
        String text,
        SegmentedMessage segments,
        boolean requestReceipt,
        int firstPart) {
}

package io.relaysms.tracker.acs;

import io.relaysms.schemas.InboundMessage;

/** The data of the Event Grid {@code Microsoft.Communication.SMSReceived} event, camelCase, ISO-8601 UTC time. */
public record AcsReceivedMessage(String messageId, String from, String to, String message, String receivedTimestamp,
                                 int segmentCount) {

    public static AcsReceivedMessage of(InboundMessage m) {
        return new AcsReceivedMessage(m.getMessageId(), m.getFrom(), m.getTo(), m.getMessage(),
                m.getReceivedTimestamp().toString(), m.getSegmentCount());
    }
}

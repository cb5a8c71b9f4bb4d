package io.relaysms.dispatcher.segment;

import io.relaysms.schemas.MessageEncoding;
import java.util.List;

/**
 * A text split into the parts that go on the air, in the encoding chosen for it. {@code parts} hold each part's
 * encoded user data without any header (unpacked GSM septets, or UCS-2 big-endian); {@code whole} holds the
 * entire text encoded, for carriers that take it in one message_payload. {@code reference} is the concatenation
 * reference number shared by the parts; it stays with the message across retries so that a part resent later
 * still joins the others on the handset.
 */
public record SegmentedMessage(MessageEncoding encoding, List<byte[]> parts, byte[] whole, int reference) {

    public SegmentedMessage {
        parts = List.copyOf(parts);
    }

    public int count() {
        return parts.size();
    }

    /** SMPP data_coding: 0 for the SMSC default (GSM 03.38) alphabet, 8 for UCS-2. */
    public byte dataCoding() {
        return encoding == MessageEncoding.GSM7 ? (byte) 0x00 : (byte) 0x08;
    }
}

package io.relaysms.tracker.inbound;

import io.relaysms.schemas.InboundMessage;
import io.relaysms.schemas.InboundMessagePart;

/** What the part assembler emits: a message for sms-inbound, or a part it cannot read for sms-inbound-raw-dlq. */
sealed interface AssemblerOutput {

    record Published(InboundMessage message) implements AssemblerOutput {
    }

    record Rejected(InboundMessagePart part) implements AssemblerOutput {
    }
}

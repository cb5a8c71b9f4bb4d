package io.relaysms.simulator.delivery;

import io.relaysms.simulator.smpp.SmppAddress;
import org.jsmpp.bean.OptionalParameter;

/**
 * A deliver_sm the carrier owes an account: a delivery receipt or one part of a mobile-originated message,
 * ready for the wire. It goes to a receiver or transceiver bind of {@link #systemId()}.
 */
public record OutboundDeliver(Kind kind, String systemId, SmppAddress source, SmppAddress destination,
                              int esmClass, int dataCoding, byte[] shortMessage, OptionalParameter[] parameters,
                              String description) {

    public enum Kind {
        RECEIPT, MO
    }
}

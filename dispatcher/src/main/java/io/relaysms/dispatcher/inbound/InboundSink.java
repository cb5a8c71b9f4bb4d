package io.relaysms.dispatcher.inbound;

import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.InboundMessagePart;

/**
 * Where what a carrier sends us goes. Both calls return only once the record is safely stored (Kafka
 * acknowledged it), so the carrier is acknowledged after Kafka and a crash in between makes the carrier resend
 * rather than lose it; they throw when it could not be stored, and the carrier is then answered with an error.
 */
public interface InboundSink {

    void receipt(CarrierReceipt receipt) throws InboundStoreException;

    void inboundPart(InboundMessagePart part) throws InboundStoreException;

    /** The record could not be stored; the carrier must be told to send it again. */
    final class InboundStoreException extends Exception {
        public InboundStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

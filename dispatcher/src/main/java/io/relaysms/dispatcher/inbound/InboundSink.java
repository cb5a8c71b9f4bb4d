package io.relaysms.dispatcher.inbound;

import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.InboundMessagePart;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Where what a carrier sends us goes. A store completes once the record is safely stored (Kafka acknowledged it),
 * so the carrier is acknowledged after Kafka and a crash in between makes the carrier resend rather than lose it;
 * it completes exceptionally with {@link InboundStoreException} when the record could not be stored, and the
 * carrier is then answered with an error. SMPP binds answer when the store completes, without a thread waiting
 * for each record; the HTTP callbacks wait ({@link #receipt}, {@link #inboundPart}).
 */
public interface InboundSink {

    CompletableFuture<Void> storeReceipt(CarrierReceipt receipt);

    CompletableFuture<Void> storeInboundPart(InboundMessagePart part);

    /** Stores and waits for the outcome. */
    default void receipt(CarrierReceipt receipt) throws InboundStoreException {
        await(storeReceipt(receipt));
    }

    /** Stores and waits for the outcome. */
    default void inboundPart(InboundMessagePart part) throws InboundStoreException {
        await(storeInboundPart(part));
    }

    private static void await(CompletableFuture<Void> stored) throws InboundStoreException {
        try {
            stored.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InboundStoreException cause) {
                throw cause;
            }
            throw new InboundStoreException("storing failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InboundStoreException("interrupted while storing a record", e);
        }
    }

    /** The record could not be stored; the carrier must be told to send it again. */
    final class InboundStoreException extends Exception {
        public InboundStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

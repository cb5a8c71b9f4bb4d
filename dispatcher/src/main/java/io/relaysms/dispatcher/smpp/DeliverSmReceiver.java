package io.relaysms.dispatcher.smpp;

import java.util.concurrent.CompletableFuture;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;

/**
 * What a bind does with each deliver_sm it receives (receipts and mobile-originated parts): starts storing it and
 * says when it is stored. The bind answers deliver_sm_resp once the returned future completes ({@link DeliverSmAnswers}).
 */
public interface DeliverSmReceiver {

    /**
     * Starts storing; the future completes when the PDU is stored, or exceptionally when it cannot be (the carrier is
     * then answered ESME_RSYSERR and sends it again). Throws when the PDU is refused outright, with the status to answer.
     */
    CompletableFuture<Void> store(DeliverSm deliverSm) throws ProcessRequestException;
}

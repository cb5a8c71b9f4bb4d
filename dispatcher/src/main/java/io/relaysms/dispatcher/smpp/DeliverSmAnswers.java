package io.relaysms.dispatcher.smpp;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's deliver_sm, each answered when it is stored rather than by a thread waiting for it.
 *
 * <p>jSMPP hands a deliver_sm to the listener on one of the session's processor threads and writes the
 * deliver_sm_resp through the session's {@code PDUSender} as soon as the listener returns. A listener that waits
 * for Kafka therefore holds a processor thread per receipt in flight, and a carrier sending receipts in a window
 * gets at most (processor threads / Kafka's acknowledgement time) of them through: about 2,000 receipts/s in the
 * end-to-end benchmark, each alone in its produce request. Here the listener only starts the store and notes it
 * under the PDU's sequence number; when jSMPP then writes the deliver_sm_resp through this sender, the write is put
 * off until the store completes: status 0 once Kafka acknowledged, ESME_RSYSERR (0x08) when it failed or timed out,
 * so the carrier sends it again. Receipts in flight together share Kafka batches. The deferred writes run on the
 * bind's answer thread, never on Kafka's I/O thread, which a carrier that stops reading would otherwise block.
 */
final class DeliverSmAnswers extends SynchronizedPDUSender implements MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(DeliverSmAnswers.class);
    static final int ESME_RSYSERR = 0x08;
    private static final int ESME_RINVCMDID = 0x03;

    private final String name;
    private final DeliverSmReceiver receiver;
    private final Executor answerWriter;
    private final Map<Integer, CompletableFuture<Void>> storing = new ConcurrentHashMap<>();

    /** {@code answerWriter} must not reject: the writes of a bind that closed may be dropped, not thrown. */
    DeliverSmAnswers(String name, DeliverSmReceiver receiver, Executor answerWriter) {
        super(new DefaultPDUSender());
        this.name = name;
        this.receiver = receiver;
        this.answerWriter = answerWriter;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        storing.put(deliverSm.getSequenceNumber(), receiver.store(deliverSm));
    }

    @Override
    public byte[] sendDeliverSmResp(OutputStream out, int commandStatus, int sequenceNumber, String messageId) throws IOException {
        CompletableFuture<Void> stored = storing.remove(sequenceNumber);
        if (stored == null || commandStatus != 0) {
            return super.sendDeliverSmResp(out, commandStatus, sequenceNumber, messageId);
        }
        stored.whenCompleteAsync((ok, failure) -> answer(out, sequenceNumber, messageId, failure), answerWriter);
        return new byte[0]; // jSMPP discards what the sender wrote
    }

    /** Stores started whose deliver_sm_resp is not written yet (or whose answer jSMPP has yet to ask for). */
    int inFlight() {
        return storing.size();
    }

    private void answer(OutputStream out, int sequenceNumber, String messageId, Throwable failure) {
        int status = 0;
        if (failure != null) {
            status = ESME_RSYSERR;
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            log.warn("{}: deliver_sm {} not stored, answering ESME_RSYSERR so that the carrier sends it again: {}",
                    name, sequenceNumber, cause.getMessage());
        }
        try {
            super.sendDeliverSmResp(out, status, sequenceNumber, messageId);
        } catch (IOException e) {
            log.info("{}: the session closed before deliver_sm_resp {} could be written; the carrier will send it again",
                    name, sequenceNumber);
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // Nothing to do: Relay does not ask for alerts (no data_sm with set_dpf).
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported by Relay; use deliver_sm", ESME_RINVCMDID);
    }
}

package io.relaysms.dispatcher.smpp;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.PDUReader;
import org.jsmpp.PDUSender;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.PendingResponse;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmCommandTask;
import org.jsmpp.session.connection.ConnectionFactory;

/**
 * A jSMPP client session that can also submit without a thread waiting for each answer.
 *
 * <p>jSMPP's {@code submitShortMessage} parks the calling thread until the submit_sm_resp arrives, so a window
 * of N needs N threads, and every answer costs two thread hand-offs (reader thread, processor thread, then the
 * parked submitter). Here a submit_sm is written with jSMPP's own {@link SubmitSmCommandTask}, the session's
 * {@link PDUSender} and a sequence number from the session's own sequence (so it cannot collide with the
 * enquire_link and unbind jSMPP sends itself), and the caller gets a future at once. jSMPP's processor thread
 * looks every response up through {@link #removePendingResponse(int)}: for our sequence numbers that answers a
 * {@link PendingResponse} whose {@code done} completes the future (submit_sm_resp and generic_nack alike), so
 * the answer is decoded, matched and sent on by jSMPP's code, with no thread parked. Everything else (bind,
 * enquire_link, deliver_sm, unbind, state changes) is jSMPP's unchanged. Subclassing through these protected
 * members keeps jSMPP doing the protocol work; the alternative, a second PDU reader on the same socket, would
 * have to reimplement all of it.
 *
 * <p>What a waiting thread used to give for free is done explicitly: {@link #expireOverdue(long)} fails submits
 * whose answer is overdue with {@link ResponseTimeoutException}, and {@link #failOutstanding(String)} fails
 * every outstanding submit with an {@link IOException} when the session is lost. Each outstanding submit is
 * completed exactly once: whoever removes it from the outstanding table completes it.
 */
final class AsyncSubmitSession extends SMPPSession {

    private final Map<Integer, OutstandingSubmit> outstanding = new ConcurrentHashMap<>();

    AsyncSubmitSession(PDUSender pduSender, PDUReader pduReader, ConnectionFactory connectionFactory) {
        super(pduSender, pduReader, connectionFactory);
    }

    /**
     * Writes a submit_sm and answers its response: a {@code SubmitSmResp} or a {@code GenericNack} (check the
     * command_status), or exceptionally {@link ResponseTimeoutException} (no answer within the transaction
     * timer), {@link InvalidResponseException}, {@link IOException} (not bound, write failed, session lost) or
     * {@link PDUException} (a field cannot be encoded). Never blocks beyond the socket write.
     */
    CompletableFuture<Command> submitAsync(String serviceType, TypeOfNumber sourceTon, NumberingPlanIndicator sourceNpi,
            String sourceAddress, TypeOfNumber destTon, NumberingPlanIndicator destNpi, String destAddress,
            ESMClass esmClass, RegisteredDelivery registeredDelivery, DataCoding dataCoding, byte[] shortMessage,
            OptionalParameter... tlvs) {
        SubmitSmCommandTask task = new SubmitSmCommandTask(pduSender(), serviceType, sourceTon, sourceNpi,
                sourceAddress, destTon, destNpi, destAddress, esmClass, (byte) 0, (byte) 0, null, null,
                registeredDelivery, (byte) 0, dataCoding, (byte) 0, shortMessage, tlvs);
        try {
            ensureTransmittable(task.getCommandName());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        int sequenceNumber = sequence().nextValue();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(getTransactionTimer());
        OutstandingSubmit submit = new OutstandingSubmit(sequenceNumber, deadline, getTransactionTimer());
        outstanding.put(sequenceNumber, submit);
        // A loss that failed the outstanding table just before the put would otherwise leave this one to time out.
        if (!getSessionState().isBound()) {
            fail(sequenceNumber, new IOException("the session was lost before the submit_sm could be written"));
            return submit.answer;
        }
        try {
            task.executeTask(connection().getOutputStream(), sequenceNumber);
        } catch (PDUException e) {
            fail(sequenceNumber, e);
        } catch (IOException e) {
            fail(sequenceNumber, e);
            // as jSMPP does after a failed write: the stream is in an unknown state
            close();
        }
        return submit.answer;
    }

    /** jSMPP's processor thread asks for the request a response answers: ours first, then jSMPP's own. */
    @Override
    protected PendingResponse<Command> removePendingResponse(int sequenceNumber) {
        OutstandingSubmit submit = outstanding.remove(sequenceNumber);
        return submit != null ? submit : super.removePendingResponse(sequenceNumber);
    }

    /** Fails the submits whose answer was due before {@code nowNanos}. */
    void expireOverdue(long nowNanos) {
        for (OutstandingSubmit submit : outstanding.values()) {
            if (nowNanos - submit.deadlineNanos >= 0 && outstanding.remove(submit.sequenceNumber, submit)) {
                submit.answer.completeExceptionally(new ResponseTimeoutException("no response within "
                        + submit.timeoutMillis + " ms to submit_sm with sequence_number " + submit.sequenceNumber));
            }
        }
    }

    /** Fails every outstanding submit: the session is gone, so none of them can be answered any more. */
    void failOutstanding(String reason) {
        for (Integer sequenceNumber : outstanding.keySet()) {
            fail(sequenceNumber, new IOException(reason));
        }
    }

    int outstandingCount() {
        return outstanding.size();
    }

    private void fail(int sequenceNumber, Exception cause) {
        OutstandingSubmit submit = outstanding.remove(sequenceNumber);
        if (submit != null) {
            submit.answer.completeExceptionally(cause);
        }
    }

    /** The entry jSMPP's response processing completes; it never waits, its future carries the answer on. */
    private static final class OutstandingSubmit extends PendingResponse<Command> {

        final int sequenceNumber;
        final long deadlineNanos;
        final long timeoutMillis;
        final CompletableFuture<Command> answer = new CompletableFuture<>();

        OutstandingSubmit(int sequenceNumber, long deadlineNanos, long timeoutMillis) {
            super(timeoutMillis);
            this.sequenceNumber = sequenceNumber;
            this.deadlineNanos = deadlineNanos;
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public void done(Command response) {
            answer.complete(response);
        }

        @Override
        public void doneWithInvalidResponse(InvalidResponseException e) {
            answer.completeExceptionally(e);
        }
    }
}

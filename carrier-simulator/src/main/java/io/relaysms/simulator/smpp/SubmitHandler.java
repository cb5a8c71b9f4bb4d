package io.relaysms.simulator.smpp;

import io.relaysms.simulator.behaviour.Behaviour;
import io.relaysms.simulator.behaviour.CommandStatuses;
import io.relaysms.simulator.behaviour.RandomSource;
import io.relaysms.simulator.behaviour.RuleBook;
import io.relaysms.simulator.codec.SubmittedPayload;
import io.relaysms.simulator.codec.TextDecoder;
import io.relaysms.simulator.ids.MessageIdFormat;
import io.relaysms.simulator.ids.MessageIdGenerator;
import io.relaysms.simulator.metrics.SimulatorMetrics;
import io.relaysms.simulator.record.Submission;
import io.relaysms.simulator.record.SubmissionLog;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * Answers submit_sm as the carrier: finds the rule for the destination, throttles beyond the bind's TPS
 * (immediately, as carriers do), takes the configured latency, answers a configured error or accepts with a
 * new carrier id, and records every submit with its answer. Runs on jSMPP's per-session worker threads, so
 * several requests of one window are answered concurrently. Once the submit_sm_resp of an accepted submit is
 * written (or failed to be, the carrier has the message either way), {@code onAccepted} takes over.
 * Other operations (data_sm, submit_multi, query_sm, ...) are answered ESME_RINVCMDID, as by many carriers.
 */
public final class SubmitHandler implements ServerMessageReceiverListener, ServerResponseDeliveryListener {

    private final SessionRegistry sessions;
    private final RuleBook rules;
    private final RandomSource random;
    private final MessageIdGenerator ids;
    private final MessageIdFormat responseIdFormat;
    private final SubmissionLog log;
    private final CommandStatuses statuses;
    private final SimulatorMetrics metrics;
    private final Clock clock;
    private final Consumer<AcceptedSubmit> onAccepted;
    private final TextDecoder decoder = new TextDecoder();
    private final AtomicLong sequence = new AtomicLong();

    public SubmitHandler(SessionRegistry sessions, RuleBook rules, RandomSource random, MessageIdGenerator ids,
                         MessageIdFormat responseIdFormat, SubmissionLog log, CommandStatuses statuses,
                         SimulatorMetrics metrics, Clock clock, Consumer<AcceptedSubmit> onAccepted) {
        this.sessions = sessions;
        this.rules = rules;
        this.random = random;
        this.ids = ids;
        this.responseIdFormat = responseIdFormat;
        this.log = log;
        this.statuses = statuses;
        this.metrics = metrics;
        this.clock = clock;
        this.onAccepted = onAccepted;
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
        long startNanos = System.nanoTime();
        BoundSession session = sessions.get(source.getSessionId())
                .orElseThrow(() -> new ProcessRequestException("not bound", SMPPConstant.STAT_ESME_RINVBNDSTS));
        SubmittedPayload payload = SubmittedPayload.parse(submitSm.getEsmClass(), submitSm.getShortMessage(),
                submitSm.getOptionalParameters());
        Behaviour behaviour = rules.resolve(submitSm.getDestAddress(), payload.segment(), session.systemId());

        if (!session.tryAcquire(behaviour.ruleName(), behaviour.tpsPerBind(), startNanos)) {
            throw refuse(submitSm, payload, session, behaviour, SMPPConstant.STAT_ESME_RTHROTTLED);
        }
        long latency = behaviour.latency().draw(random);
        if (latency > 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(latency));
        }
        if (behaviour.submitError().isPresent() && random.nextDouble() < behaviour.submitError().get().share()) {
            throw refuse(submitSm, payload, session, behaviour, behaviour.submitError().get().status());
        }
        long idNumber = ids.next();
        String messageId = responseIdFormat.render(idNumber);
        Submission submission = record(submitSm, payload, session, behaviour, SMPPConstant.STAT_ESME_ROK, Optional.of(messageId));
        metrics.submitAnswered(session.systemId(), "ESME_ROK", System.nanoTime() - startNanos);
        try {
            return new AcceptedSubmit(new MessageId(messageId), submission, idNumber, behaviour);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("message id format gives an invalid id: " + messageId, SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    private ProcessRequestException refuse(SubmitSm submitSm, SubmittedPayload payload, BoundSession session,
                                           Behaviour behaviour, int status) {
        record(submitSm, payload, session, behaviour, status, Optional.empty());
        metrics.submitAnswered(session.systemId(), statuses.name(status), 0);
        return new ProcessRequestException(statuses.name(status) + " (rule " + behaviour.ruleName() + ")", status);
    }

    private Submission record(SubmitSm s, SubmittedPayload payload, BoundSession session, Behaviour behaviour,
                              int status, Optional<String> messageId) {
        Submission submission = new Submission(sequence.incrementAndGet(), clock.instant(), session.systemId(),
                session.sessionId(), s.getSourceAddr(), s.getSourceAddrTon(), s.getSourceAddrNpi(),
                s.getDestAddress(), s.getDestAddrTon(), s.getDestAddrNpi(), s.getEsmClass() & 0xFF,
                s.getDataCoding() & 0xFF, s.getRegisteredDelivery() & 0xFF, s.getServiceType(), payload.segment(),
                payload.fromMessagePayload(), payload.body(), decoder.decode(s.getDataCoding(), payload.body()),
                status, statuses.name(status), messageId, behaviour.ruleName());
        log.add(submission);
        return submission;
    }

    @Override
    public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
        if (result instanceof AcceptedSubmit accepted) {
            onAccepted.accept(accepted);
        }
    }

    @Override
    public void onSubmitSmRespError(SubmitSmResult result, Exception cause, SMPPServerSession source) {
        // The ESME never learns the id, but the carrier has the message and delivers it, receipt included.
        onSubmitSmRespSent(result, source);
    }

    @Override
    public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession source) {
    }

    @Override
    public void onSubmitMultiRespError(SubmitMultiResult result, Exception cause, SMPPServerSession source) {
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("submit_multi");
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("query_sm");
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("replace_sm");
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("cancel_sm");
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("broadcast_sm");
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("cancel_broadcast_sm");
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("query_broadcast_sm");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw unsupported("data_sm");
    }

    private static ProcessRequestException unsupported(String operation) {
        return new ProcessRequestException(operation + " is not supported by this carrier", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}

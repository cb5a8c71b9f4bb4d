package io.relaysms.dispatcher.smpp;

import io.relaysms.dispatcher.carrier.CarrierConnection;
import io.relaysms.dispatcher.carrier.CarrierPacer;
import io.relaysms.dispatcher.carrier.OutboundMessage;
import io.relaysms.dispatcher.carrier.SubmitAttempt;
import io.relaysms.dispatcher.carrier.SubmitOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;

/**
 * An SMPP 3.4 carrier route: {@code binds} transceiver binds, each with a window of submits in flight, paced
 * by the route's {@link CarrierPacer}. A submit goes over the next bound bind in turn; every answer is sorted by
 * the {@link CommandStatusClassifier}. A part whose submit_sm_resp does not come in time is reported as
 * {@link SubmitOutcome.TimedOut}; a lost connection as {@link SubmitOutcome.Retryable}.
 */
public final class SmppConnection implements CarrierConnection {

    private final SmppCarrierSettings settings;
    private final CarrierPacer pacer;
    private final CommandStatusClassifier classifier;
    private final List<SmppBind> binds = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    public SmppConnection(SmppCarrierSettings settings, MessageReceiverListener receiver) {
        this.settings = settings;
        this.pacer = new CarrierPacer(settings.tps(), 100, 5_000);
        this.classifier = new CommandStatusClassifier(settings.throttledStatuses(), settings.retryableStatuses());
        for (int i = 1; i <= settings.binds(); i++) {
            binds.add(new SmppBind(settings, i, receiver));
        }
    }

    public SmppConnection start() {
        binds.forEach(SmppBind::start);
        return this;
    }

    @Override
    public String carrierId() {
        return settings.carrierId();
    }

    @Override
    public boolean isAvailable() {
        for (SmppBind bind : binds) {
            if (bind.state() == BindState.BOUND) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int window() {
        return settings.binds() * settings.window();
    }

    @Override
    public boolean countsSegments() {
        return settings.countsSegments();
    }

    public List<SmppBind> binds() {
        return List.copyOf(binds);
    }

    public CarrierPacer pacer() {
        return pacer;
    }

    @Override
    public SubmitAttempt submit(OutboundMessage message) throws InterruptedException {
        List<SubmitSmParts.Unit> units = SubmitSmParts.units(message, settings.concatenation());
        List<String> accepted = new ArrayList<>();
        for (SubmitSmParts.Unit unit : units.subList(Math.min(message.firstPart(), units.size()), units.size())) {
            SubmitOutcome outcome = submitUnit(message, unit, accepted);
            if (!(outcome instanceof SubmitOutcome.Accepted)) {
                return new SubmitAttempt(carrierId(), accepted, outcome);
            }
        }
        return new SubmitAttempt(carrierId(), accepted, new SubmitOutcome.Accepted());
    }

    private SubmitOutcome submitUnit(OutboundMessage message, SubmitSmParts.Unit unit, List<String> accepted)
            throws InterruptedException {
        SmppBind bind = nextBound();
        if (bind == null) {
            return new SubmitOutcome.Retryable(-1, "no bound SMPP session to " + carrierId());
        }
        bind.window().acquire();
        try {
            SMPPSession session = bind.boundSession();
            if (session == null) {
                return new SubmitOutcome.Retryable(-1, "the SMPP session to " + carrierId() + " was lost");
            }
            pacer.awaitTurn();
            SmppAddress from = SmppAddress.of(message.from());
            SmppAddress to = SmppAddress.of(message.to());
            SubmitSmResult result = session.submitShortMessage(settings.systemType().isEmpty() ? null : settings.systemType(),
                    from.ton(), from.npi(), from.address(), to.ton(), to.npi(), to.address(),
                    new ESMClass(unit.esmClass()), (byte) 0, (byte) 0, null, null,
                    new RegisteredDelivery(message.requestReceipt() && settings.registeredDelivery()
                            ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
                    (byte) 0, DataCodings.newInstance(message.segments().dataCoding()), (byte) 0,
                    unit.shortMessage(), unit.tlvs());
            accepted.add(result.getMessageId());
            pacer.onAccepted();
            return new SubmitOutcome.Accepted();
        } catch (NegativeResponseException e) {
            SubmitOutcome outcome = classifier.classify(e.getCommandStatus());
            if (outcome instanceof SubmitOutcome.Throttled) {
                pacer.onThrottled();
            }
            return outcome;
        } catch (ResponseTimeoutException e) {
            return new SubmitOutcome.TimedOut("no submit_sm_resp from " + carrierId() + " within "
                    + settings.responseTimeoutMillis() + " ms");
        } catch (InvalidResponseException e) {
            return new SubmitOutcome.TimedOut("unreadable submit_sm_resp from " + carrierId() + ": " + e.getMessage());
        } catch (PDUException e) {
            return new SubmitOutcome.Permanent(-1, "cannot be written as a submit_sm: " + e.getMessage());
        } catch (IOException e) {
            return new SubmitOutcome.Retryable(-1, "connection to " + carrierId() + ": " + e.getMessage());
        } finally {
            bind.window().release();
        }
    }

    private SmppBind nextBound() {
        for (int i = 0; i < binds.size(); i++) {
            SmppBind bind = binds.get(Math.floorMod(next.getAndIncrement(), binds.size()));
            if (bind.state() == BindState.BOUND) {
                return bind;
            }
        }
        return null;
    }

    @Override
    public String describeState() {
        long bound = binds.stream().filter(b -> b.state() == BindState.BOUND).count();
        return bound + "/" + binds.size() + " binds bound to " + settings.host() + ":" + settings.port()
                + ", pace " + (Double.isInfinite(pacer.currentTps()) ? "unlimited" : String.format("%.1f/s", pacer.currentTps()));
    }

    @Override
    public void close() {
        binds.forEach(SmppBind::close);
    }
}

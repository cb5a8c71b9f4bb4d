package io.relaysms.simulator;

import io.relaysms.simulator.behaviour.Behaviour;
import io.relaysms.simulator.behaviour.RandomSource;
import io.relaysms.simulator.behaviour.ReceiptStatus;
import io.relaysms.simulator.delivery.DeliveryQueues;
import io.relaysms.simulator.delivery.ReceiptFactory;
import io.relaysms.simulator.handset.HandsetReplies;
import io.relaysms.simulator.metrics.SimulatorMetrics;
import io.relaysms.simulator.mo.MoInjector;
import io.relaysms.simulator.mo.MoRequest;
import io.relaysms.simulator.mo.SenderAccounts;
import io.relaysms.simulator.record.Submission;
import io.relaysms.simulator.smpp.AcceptedSubmit;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the network does with a part the carrier accepted, once its submit_sm_resp is out: the outcome is drawn
 * from the rule's mix, a receipt is scheduled when the submit asked for one (unless it is one of those that
 * never come), and a recipient that got the message may answer.
 */
final class Fulfilment implements Consumer<AcceptedSubmit> {

    private static final Logger LOG = LoggerFactory.getLogger(Fulfilment.class);

    private final RandomSource random;
    private final ReceiptFactory receipts;
    private final DeliveryQueues queues;
    private final HandsetReplies handsets;
    private final MoInjector mo;
    private final SenderAccounts senders;
    private final SimulatorMetrics metrics;
    private final Clock clock;

    Fulfilment(RandomSource random, ReceiptFactory receipts, DeliveryQueues queues, HandsetReplies handsets, MoInjector mo,
               SenderAccounts senders, SimulatorMetrics metrics, Clock clock) {
        this.random = random;
        this.receipts = receipts;
        this.queues = queues;
        this.handsets = handsets;
        this.mo = mo;
        this.senders = senders;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void accept(AcceptedSubmit accepted) {
        Submission submission = accepted.submission();
        Behaviour behaviour = accepted.behaviour();
        senders.sent(submission.sourceAddr(), submission.systemId());
        ReceiptStatus status = behaviour.receipts().outcomes().draw(random);
        if (submission.wantsReceipt(!status.isDelivered())) {
            if (random.nextDouble() < behaviour.receipts().neverShare()) {
                metrics.receiptWithheld(submission.systemId());
            } else {
                long delay = behaviour.receipts().delay().draw(random);
                queues.schedule(receipts.receipt(submission, accepted.idNumber(), status,
                        behaviour.receipts().errorFor(status), clock.instant().plusMillis(delay)), delay);
            }
        }
        if (status.isDelivered()) {
            handsets.replyTo(submission, behaviour).ifPresent(reply -> {
                try {
                    mo.inject(MoRequest.of(submission.destAddr(), submission.sourceAddr(), reply.text())
                            .toAccount(submission.systemId()), reply.delayMillis());
                } catch (RuntimeException e) {
                    LOG.warn("handset {} could not reply to {}: {}", submission.destAddr(), submission.sourceAddr(), e.getMessage());
                }
            });
        }
    }
}

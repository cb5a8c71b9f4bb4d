package io.relaysms.simulator.mo;

import io.relaysms.simulator.codec.AddressForm;
import io.relaysms.simulator.delivery.DeliveryQueues;
import io.relaysms.simulator.delivery.OutboundDeliver;
import io.relaysms.simulator.smpp.SessionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Injects mobile-originated messages, from the admin API, the Java API or a handset's configured reply:
 * checks the request (a number to send to that we own, when owned numbers are configured), picks the account
 * (the one asked for, else the one that last sent from the number, else the default), composes the parts and
 * queues them for the account's receiving binds.
 */
public final class MoInjector {

    private final MoComposer composer = new MoComposer();
    private final DeliveryQueues queues;
    private final SessionRegistry sessions;
    private final SenderAccounts senders;
    private final Set<String> ownedNumbers;
    private final String defaultSystemId;

    public MoInjector(DeliveryQueues queues, SessionRegistry sessions, SenderAccounts senders, Set<String> ownedNumbers,
                      String defaultSystemId) {
        this.queues = queues;
        this.sessions = sessions;
        this.senders = senders;
        this.ownedNumbers = ownedNumbers.stream().map(AddressForm::canonical).collect(Collectors.toUnmodifiableSet());
        this.defaultSystemId = defaultSystemId;
    }

    public MoInjection inject(MoRequest request, long delayMillis) {
        List<String> problems = new ArrayList<>();
        if (blank(request.from())) {
            problems.add("from: the handset number is required");
        }
        if (blank(request.to())) {
            problems.add("to: the number to send to is required");
        } else if (!ownedNumbers.isEmpty() && !ownedNumbers.contains(AddressForm.canonical(request.to()))) {
            problems.add("to: " + request.to() + " is not one of the numbers this deployment owns " + ownedNumbers);
        }
        if (request.text() == null || request.text().isEmpty()) {
            problems.add("text: the message text is required");
        }
        String systemId = request.systemId().orElseGet(() -> blank(request.to()) ? defaultSystemId
                : senders.accountOf(request.to()).orElse(defaultSystemId));
        if (!queues.knows(systemId)) {
            problems.add("systemId: no account '" + systemId + "'");
        }
        if (!problems.isEmpty()) {
            throw new InvalidMoException(problems);
        }
        MoComposer.Composed composed = composer.compose(request, systemId);
        int queued = 0;
        for (OutboundDeliver part : composed.parts()) {
            if (!queues.schedule(part, delayMillis)) {
                throw new MoQueueFullException("the delivery queue of " + systemId + " is full: " + queued + " of "
                        + composed.parts().size() + " parts queued");
            }
            queued++;
        }
        return new MoInjection(systemId, composed.encoding().name(), request.concatenation().name(),
                composed.parts().size(), sessions.hasReceiver(systemId));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

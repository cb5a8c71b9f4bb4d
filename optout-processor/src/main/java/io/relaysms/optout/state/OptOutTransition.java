package io.relaysms.optout.state;

import io.relaysms.optout.keywords.KeywordKind;
import io.relaysms.schemas.OptOutState;
import java.time.Instant;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * What an opt-out or opt-in event does to a pair's state. Events apply in the order of their own time, not of
 * arrival: the store keeps, next to the state, the time of the newest event applied so far, and an event older
 * than that is stale and changes nothing (an API removal made at 10:05 that reaches us after a STOP sent at
 * 10:07 must not re-enable the recipient). Events of equal time apply in arrival order.
 *
 * <p>The state's {@code changedAt} is when it last flipped, so a second STOP keeps "opted out since" the first.
 * A pair with no state is opted in; an opt-in for it changes nothing but is still remembered, so that a later
 * arriving, older STOP stays stale.
 *
 * @param before  the state before, or null when the pair had none
 * @param after   the state to keep (equal to {@code before} when nothing changed)
 * @param stale   the event is older than the newest one applied, and was ignored
 * @param changed whether opted-out flipped (or a first opt-out was recorded): then {@code after} is published
 */
public record OptOutTransition(OptOutState before, OptOutState after, boolean stale, boolean changed) {

    public static OptOutTransition apply(ValueAndTimestamp<OptOutState> current, OptOutEvent event) {
        if (event.kind() == KeywordKind.HELP) {
            throw new IllegalArgumentException("HELP does not change opt-out state");
        }
        OptOutState before = current == null ? null : current.value();
        if (current != null && current.timestamp() > event.occurredAt()) {
            return new OptOutTransition(before, before, true, false);
        }
        boolean optOut = event.kind() == KeywordKind.OPT_OUT;
        boolean wasOptedOut = before != null && before.getOptedOut();
        if (before != null && wasOptedOut == optOut) {
            return new OptOutTransition(before, before, false, false);
        }
        OptOutState after = OptOutState.newBuilder()
                .setFrom(event.sender()).setTo(event.recipient()).setOptedOut(optOut)
                .setChangedAt(Instant.ofEpochMilli(event.occurredAt())).setSource(event.source())
                .setKeyword(event.keyword()).setCauseId(event.causeId()).setCountry(event.country())
                .build();
        return new OptOutTransition(before, after, false, wasOptedOut != optOut);
    }
}

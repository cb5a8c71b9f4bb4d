package io.relaysms.simulator.record;

import io.relaysms.simulator.codec.AddressForm;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A filter over the record: sender and recipient (any spelling, compared in canonical form), system id,
 * received at or after an instant, accepted only, at most {@code limit} results (the oldest first).
 */
public record SubmissionQuery(Optional<String> from, Optional<String> to, Optional<String> systemId,
                              Optional<Instant> since, boolean acceptedOnly, int limit) {

    public static final SubmissionQuery ALL =
            new SubmissionQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Integer.MAX_VALUE);

    public SubmissionQuery withFrom(String sender) {
        return new SubmissionQuery(Optional.of(sender), to, systemId, since, acceptedOnly, limit);
    }

    public SubmissionQuery withTo(String recipient) {
        return new SubmissionQuery(from, Optional.of(recipient), systemId, since, acceptedOnly, limit);
    }

    public SubmissionQuery withAcceptedOnly() {
        return new SubmissionQuery(from, to, systemId, since, true, limit);
    }

    Predicate<Submission> predicate() {
        Optional<String> f = from.map(AddressForm::canonical);
        Optional<String> t = to.map(AddressForm::canonical);
        return s -> f.map(x -> x.equals(AddressForm.canonical(s.sourceAddr()))).orElse(true)
                && t.map(x -> x.equals(AddressForm.canonical(s.destAddr()))).orElse(true)
                && systemId.map(x -> x.equals(s.systemId())).orElse(true)
                && since.map(x -> !s.receivedAt().isBefore(x)).orElse(true)
                && (!acceptedOnly || s.accepted());
    }
}

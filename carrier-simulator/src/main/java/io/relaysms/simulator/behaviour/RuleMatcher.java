package io.relaysms.simulator.behaviour;

import io.relaysms.simulator.codec.AddressForm;
import io.relaysms.simulator.codec.SegmentInfo;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which submits a rule applies to: by destination (prefix, regular expression or a list of numbers, all in
 * {@link AddressForm#canonical canonical form}), by part of a concatenated message and by system id. Criteria
 * left out match everything, so a rule with none is a catch-all.
 */
public record RuleMatcher(Optional<String> prefix, Optional<Pattern> pattern, Set<String> numbers, int segment,
                          Optional<String> systemId) {

    public static final RuleMatcher ALL = new RuleMatcher(Optional.empty(), Optional.empty(), Set.of(), 0, Optional.empty());

    public boolean matches(String destination, SegmentInfo segmentInfo, String bindSystemId) {
        String canonical = AddressForm.canonical(destination);
        return prefix.map(p -> canonical.startsWith(p)).orElse(true)
                && pattern.map(p -> p.matcher(canonical).matches()).orElse(true)
                && (numbers.isEmpty() || numbers.contains(canonical))
                && (segment == 0 || segmentInfo.seqnum() == segment)
                && systemId.map(s -> s.equals(bindSystemId)).orElse(true);
    }
}

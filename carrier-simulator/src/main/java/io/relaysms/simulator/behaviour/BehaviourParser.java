package io.relaysms.simulator.behaviour;

import io.relaysms.simulator.codec.AddressForm;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.ConfigException;

/**
 * Turns written behaviour settings (the global keys, a configured rule, a {@code POST /rules} body) into
 * {@link Behaviour} and {@link RuleMatcher}. Every problem is collected under the key that caused it, so one
 * answer lists them all.
 */
public final class BehaviourParser {

    private final CommandStatuses statuses;

    public BehaviourParser(CommandStatuses statuses) {
        this.statuses = statuses;
    }

    /** Typed values of the written settings of a rule; unknown keys are problems. */
    public Map<BehaviourKey, Object> typed(String where, Map<String, String> written, List<String> problems) {
        Map<BehaviourKey, Object> typed = new EnumMap<>(BehaviourKey.class);
        written.forEach((suffix, text) -> {
            Optional<BehaviourKey> key = BehaviourKey.bySuffix(suffix);
            if (key.isEmpty()) {
                problems.add(where + suffix + ": unknown rule key");
                return;
            }
            try {
                typed.put(key.get(), key.get().parse(where + suffix, text == null ? "" : text.trim()));
            } catch (ConfigException e) {
                problems.add(where + suffix + ": " + e.getMessage());
            }
        });
        return typed;
    }

    /** The behaviour of the given values, the missing ones taken from {@code defaults}. */
    public Behaviour behaviour(String ruleName, String where, Map<BehaviourKey, Object> values,
                               Map<BehaviourKey, Object> defaults, List<String> problems) {
        Map<BehaviourKey, Object> v = new EnumMap<>(BehaviourKey.class);
        for (BehaviourKey key : BehaviourKey.values()) {
            v.put(key, key.defaultValue());
        }
        v.putAll(defaults);
        v.putAll(values);
        // A rule that only raises the least delay means "at least this long", not "max is below min".
        followMin(v, values, BehaviourKey.LATENCY_MIN, BehaviourKey.LATENCY_MAX);
        followMin(v, values, BehaviourKey.RECEIPT_DELAY_MIN, BehaviourKey.RECEIPT_DELAY_MAX);
        Delay latency = delay(where + "latency", "exponential".equals(v.get(BehaviourKey.LATENCY_DISTRIBUTION)),
                (Long) v.get(BehaviourKey.LATENCY_MIN), (Long) v.get(BehaviourKey.LATENCY_MAX),
                (Long) v.get(BehaviourKey.LATENCY_MEAN), problems);
        Delay receiptDelay = delay(where + "receipt.delay", false, (Long) v.get(BehaviourKey.RECEIPT_DELAY_MIN),
                (Long) v.get(BehaviourKey.RECEIPT_DELAY_MAX), -1L, problems);
        Optional<SubmitError> error = Optional.empty();
        String status = ((String) v.get(BehaviourKey.SUBMIT_ERROR_STATUS)).trim();
        if (!status.isEmpty()) {
            Optional<Integer> parsed = statuses.parse(status);
            if (parsed.isEmpty()) {
                problems.add(where + "submit-error.status: '" + status + "' is neither an SMPP status name (ESME_RTHROTTLED) nor a number");
            } else {
                error = Optional.of(new SubmitError(parsed.get(), (Double) v.get(BehaviourKey.SUBMIT_ERROR_SHARE)));
            }
        }
        OutcomeMix outcomes = OutcomeMix.parse(where + "receipt.outcomes", (String) v.get(BehaviourKey.RECEIPT_OUTCOMES), problems);
        String err = ((String) v.get(BehaviourKey.RECEIPT_ERROR)).trim();
        if (!err.isEmpty() && !err.matches("[0-9A-Za-z]{1,3}")) {
            problems.add(where + "receipt.err: must be 1 to 3 letters or digits (was '" + err + "')");
        }
        ReceiptPlan receipts = new ReceiptPlan(outcomes, receiptDelay, (Double) v.get(BehaviourKey.RECEIPT_NEVER_SHARE),
                err.isEmpty() ? Optional.empty() : Optional.of(err));
        String replyText = (String) v.get(BehaviourKey.REPLY_TEXT);
        Optional<HandsetReply> reply = replyText.isBlank() ? Optional.empty()
                : Optional.of(new HandsetReply(replyText, (Long) v.get(BehaviourKey.REPLY_DELAY)));
        return new Behaviour(ruleName, latency, (Integer) v.get(BehaviourKey.TPS), error, receipts, reply);
    }

    @SuppressWarnings("unchecked")
    public RuleMatcher matcher(String where, Map<BehaviourKey, Object> values, List<String> problems) {
        Optional<String> prefix = Optional.ofNullable((String) values.get(BehaviourKey.PREFIX))
                .map(String::trim).filter(p -> !p.isEmpty()).map(p -> p.matches("\\d+") ? "+" + p : p);
        Optional<Pattern> pattern = Optional.empty();
        String regex = (String) values.getOrDefault(BehaviourKey.PATTERN, "");
        if (!regex.isBlank()) {
            try {
                pattern = Optional.of(Pattern.compile(regex.trim()));
            } catch (PatternSyntaxException e) {
                problems.add(where + "pattern: not a regular expression: " + e.getDescription());
            }
        }
        Set<String> numbers = new HashSet<>();
        ((List<String>) values.getOrDefault(BehaviourKey.NUMBERS, List.of())).stream()
                .filter(n -> !n.isBlank()).map(AddressForm::canonical).forEach(numbers::add);
        int segment = (Integer) values.getOrDefault(BehaviourKey.SEGMENT, 0);
        Optional<String> systemId = Optional.ofNullable((String) values.get(BehaviourKey.SYSTEM_ID))
                .map(String::trim).filter(s -> !s.isEmpty());
        return new RuleMatcher(prefix, pattern, Set.copyOf(numbers), segment, systemId);
    }

    private static void followMin(Map<BehaviourKey, Object> merged, Map<BehaviourKey, Object> given,
                                  BehaviourKey min, BehaviourKey max) {
        if (!given.containsKey(max) && (Long) merged.get(max) < (Long) merged.get(min)) {
            merged.put(max, merged.get(min));
        }
    }

    private static Delay delay(String where, boolean exponential, long min, long max, long mean, List<String> problems) {
        if (max < min) {
            problems.add(where + ": max-ms (" + max + ") is below min-ms (" + min + ")");
            return Delay.NONE;
        }
        return new Delay(exponential ? Delay.Distribution.EXPONENTIAL : Delay.Distribution.UNIFORM, min, max,
                mean < 0 ? (min + max) / 2 : mean);
    }
}

package io.relaysms.simulator.behaviour;

import io.relaysms.simulator.codec.SegmentInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rules in force: the global behaviour plus named rules, changeable while the simulator runs (tests say
 * "from now on answer ESME_RTHROTTLED" this way). Readers see an immutable snapshot, so a submit never sees a
 * half-changed rule set; writers replace the snapshot.
 */
public final class RuleBook {

    private static final Comparator<BehaviourRule> ORDER =
            Comparator.comparingInt(BehaviourRule::priority).reversed()
                    .thenComparing(Comparator.comparingLong(BehaviourRule::recency).reversed());

    private final BehaviourParser parser;
    private final Map<BehaviourKey, Object> globalValues;
    private final Behaviour global;
    private final AtomicReference<List<BehaviourRule>> rules = new AtomicReference<>(List.of());
    private final AtomicLong recency = new AtomicLong();

    /** Parses the global settings and the configured rules; every problem ends up in {@code problems}. */
    public RuleBook(BehaviourParser parser, Map<String, String> globalSettings,
                    Map<String, Map<String, String>> configuredRules, List<String> problems) {
        this.parser = parser;
        this.globalValues = parser.typed(BehaviourKey.GLOBAL_PREFIX, globalSettings, problems);
        this.global = parser.behaviour(Behaviour.GLOBAL, BehaviourKey.GLOBAL_PREFIX, globalValues, Map.of(), problems);
        List<BehaviourRule> parsed = new ArrayList<>();
        // Among equal priorities the newest is tried first; configured rules count as set in reverse name order,
        // so that of two configured rules of equal priority the one first by name is tried first.
        new java.util.TreeMap<>(configuredRules).descendingMap().forEach((name, settings) ->
                parse(name, "simulator.rules." + name + ".", settings, problems).ifPresent(parsed::add));
        parsed.sort(ORDER);
        rules.set(List.copyOf(parsed));
    }

    /**
     * Adds or replaces a rule. Throws {@link InvalidRuleException} listing every problem, leaving the rules as
     * they were.
     */
    public BehaviourRule put(String name, Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
            problems.add("name: a rule needs a name of 1-64 letters, digits, '.', '_' or '-' (was '" + name + "')");
        }
        Optional<BehaviourRule> rule = problems.isEmpty() ? parse(name, "", settings, problems) : Optional.empty();
        if (!problems.isEmpty() || rule.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        rules.updateAndGet(current -> {
            List<BehaviourRule> next = new ArrayList<>(current);
            next.removeIf(r -> r.name().equals(name));
            next.add(rule.get());
            next.sort(ORDER);
            return List.copyOf(next);
        });
        return rule.get();
    }

    public boolean remove(String name) {
        List<BehaviourRule> before = rules.getAndUpdate(current -> current.stream().filter(r -> !r.name().equals(name)).toList());
        return before.stream().anyMatch(r -> r.name().equals(name));
    }

    /** The rules in the order they are tried. */
    public List<BehaviourRule> rules() {
        return rules.get();
    }

    public Behaviour global() {
        return global;
    }

    /** The behaviour for a submit: the first matching rule's, or the global one. */
    public Behaviour resolve(String destination, SegmentInfo segment, String systemId) {
        for (BehaviourRule rule : rules.get()) {
            if (rule.matcher().matches(destination, segment, systemId)) {
                return rule.behaviour();
            }
        }
        return global;
    }

    private Optional<BehaviourRule> parse(String name, String where, Map<String, String> settings, List<String> problems) {
        int before = problems.size();
        Map<BehaviourKey, Object> values = parser.typed(where, settings, problems);
        RuleMatcher matcher = parser.matcher(where, values, problems);
        Behaviour behaviour = parser.behaviour(name, where, values, globalValues, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        int priority = (Integer) values.getOrDefault(BehaviourKey.PRIORITY, BehaviourKey.PRIORITY.defaultValue());
        Map<String, String> written = new LinkedHashMap<>(settings);
        return Optional.of(new BehaviourRule(name, priority, recency.incrementAndGet(), matcher, behaviour, written));
    }
}

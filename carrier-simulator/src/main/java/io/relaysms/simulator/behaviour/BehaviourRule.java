package io.relaysms.simulator.behaviour;

import java.util.Map;

/**
 * A named rule: what it matches, where it sits among the others (priority, then recency) and the behaviour it
 * resolves to. The written settings are kept so the admin API can show the rule as it was given.
 */
public record BehaviourRule(String name, int priority, long recency, RuleMatcher matcher, Behaviour behaviour,
                            Map<String, String> settings) {

    public BehaviourRule {
        settings = Map.copyOf(settings);
    }
}

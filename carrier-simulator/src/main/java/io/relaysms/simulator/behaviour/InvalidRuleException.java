package io.relaysms.simulator.behaviour;

import java.util.List;

/** A rule that cannot be used, with every reason; the admin API answers it as 400. */
public class InvalidRuleException extends RuntimeException {

    private final List<String> problems;

    public InvalidRuleException(List<String> problems) {
        super("invalid rule: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

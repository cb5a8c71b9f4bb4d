package io.relaysms.simulator.mo;

import java.util.List;

/** An MO that cannot be injected as asked, with every reason; the admin API answers it as 400. */
public class InvalidMoException extends RuntimeException {

    private final List<String> problems;

    public InvalidMoException(List<String> problems) {
        super("invalid MO: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

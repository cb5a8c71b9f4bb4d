package io.relaysms.simulator.admin;

import java.util.List;

/** A request the admin API cannot act on, with every reason; answered 400. */
class BadRequestException extends RuntimeException {

    private final List<String> problems;

    BadRequestException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}

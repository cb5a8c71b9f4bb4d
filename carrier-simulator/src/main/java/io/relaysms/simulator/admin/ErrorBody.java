package io.relaysms.simulator.admin;

import java.util.List;

/** The one error shape of the admin API: a summary and every problem found. */
record ErrorBody(String error, List<String> problems) {
}

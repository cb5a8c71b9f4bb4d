package io.relaysms.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Named checks of what a service depends on (its Kafka clients, its Streams app, its carrier sessions). The
 * service is healthy when every check is; the report says which one is not and why.
 */
public final class HealthChecks {

    /** One check's answer. */
    public record Status(boolean healthy, String detail) {
        public static Status up(String detail) {
            return new Status(true, detail);
        }

        public static Status down(String detail) {
            return new Status(false, detail);
        }
    }

    /** All checks' answers. */
    public record Report(boolean healthy, Map<String, Status> checks) {
    }

    private final Map<String, Supplier<Status>> checks = new ConcurrentHashMap<>();

    public HealthChecks register(String name, Supplier<Status> check) {
        checks.put(name, check);
        return this;
    }

    public Report report() {
        Map<String, Status> results = new LinkedHashMap<>();
        checks.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Status status;
            try {
                status = entry.getValue().get();
            } catch (RuntimeException e) {
                status = Status.down("check failed: " + e.getMessage());
            }
            results.put(entry.getKey(), status);
        });
        return new Report(results.values().stream().allMatch(Status::healthy), results);
    }
}

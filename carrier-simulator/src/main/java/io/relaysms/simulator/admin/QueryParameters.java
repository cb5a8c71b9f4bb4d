package io.relaysms.simulator.admin;

import io.javalin.http.Context;
import io.relaysms.simulator.record.SubmissionQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the filter of {@code /submissions} and {@code /stats}: {@code from}, {@code to}, {@code systemId},
 * {@code since} (ISO-8601 instant or epoch milliseconds), {@code accepted=true} and {@code limit}.
 */
final class QueryParameters {

    private static final int DEFAULT_LIMIT = 10_000;

    private QueryParameters() {
    }

    static SubmissionQuery submissionQuery(Context ctx, boolean limited) {
        List<String> problems = new ArrayList<>();
        Optional<Instant> since = Optional.ofNullable(ctx.queryParam("since")).filter(s -> !s.isBlank()).flatMap(s -> {
            try {
                return Optional.of(s.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(s)) : Instant.parse(s));
            } catch (DateTimeParseException | NumberFormatException e) {
                problems.add("since: '" + s + "' is neither an ISO-8601 instant (2025-01-31T12:00:00Z) nor epoch milliseconds");
                return Optional.empty();
            }
        });
        int limit = limited ? DEFAULT_LIMIT : Integer.MAX_VALUE;
        String limitText = ctx.queryParam("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
                if (limit < 1) {
                    problems.add("limit: must be at least 1");
                }
            } catch (NumberFormatException e) {
                problems.add("limit: must be a number (was '" + limitText + "')");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems);
        }
        return new SubmissionQuery(param(ctx, "from"), param(ctx, "to"), param(ctx, "systemId"), since,
                "true".equalsIgnoreCase(ctx.queryParam("accepted")), limit);
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isBlank());
    }
}

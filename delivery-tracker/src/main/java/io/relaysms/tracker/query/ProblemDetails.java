package io.relaysms.tracker.query;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RFC 7807 bodies in the form ACS 2026-01-23 declares ({@code ErrorResponse}): type, title, status and a W3C trace id,
 * e.g. the delivery-report 404 {@code {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not Found",
 * "status":404,"traceId":"00-...-00"}}.
 */
record ProblemDetails(String type, String title, int status, String traceId, String detail) {

    static final String CONTENT_TYPE = "application/problem+json";

    static ProblemDetails notFound() {
        return new ProblemDetails("https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not Found", 404, newTraceId(), null);
    }

    static ProblemDetails unavailable(String detail) {
        return new ProblemDetails("https://tools.ietf.org/html/rfc9110#section-15.6.4", "Service Unavailable", 503, newTraceId(), detail);
    }

    static ProblemDetails badGateway(String detail) {
        return new ProblemDetails("https://tools.ietf.org/html/rfc9110#section-15.6.3", "Bad Gateway", 502, newTraceId(), detail);
    }

    static ProblemDetails internalError() {
        return new ProblemDetails("https://tools.ietf.org/html/rfc9110#section-15.6.1", "Internal Server Error", 500, newTraceId(), null);
    }

    /** A W3C traceparent-shaped id: version 00, 16 random bytes, 8 random bytes, flags 00. */
    private static String newTraceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        random.nextBytes(trace);
        random.nextBytes(span);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-00";
    }
}

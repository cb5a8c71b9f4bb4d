package io.relaysms.optout.query;

import java.util.Map;

/**
 * A request that cannot be answered as asked, with the HTTP status, a stable code and a message a person can act
 * on. Handlers throw it; {@link QueryServer} renders every one the same way:
 * {@code {"error":{"code":"...","message":"..."}}}.
 */
public class HttpError extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public HttpError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public HttpError(int status, String code, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, "BadRequest", message);
    }

    /** The state is not queryable yet (starting, rebalancing, restoring): try again shortly. */
    public static HttpError unavailable(String message) {
        return new HttpError(503, "Unavailable", message, Map.of("Retry-After", "1"));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }
}

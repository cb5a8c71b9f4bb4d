package io.relaysms.api.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A request that cannot be served, with everything the one error renderer ({@link ErrorRenderer}) needs to
 * answer it as ACS would: the HTTP status, an ACS error code and message, per-field messages for validation
 * failures, and a Retry-After for temporary conditions. Handlers and filters throw it; nothing else answers errors.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, List<String>> fieldErrors;
    private final OptionalInt retryAfterSeconds;

    private ApiException(int status, String code, String message, Map<String, List<String>> fieldErrors,
                         OptionalInt retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fieldErrors = fieldErrors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400 with one message per offending field, rendered as the 2026-01-23 BadRequestErrorResponse. */
    public static ApiException invalidFields(Map<String, List<String>> fieldErrors) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fieldErrors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        String summary = copy.entrySet().stream().map(e -> e.getKey() + ": " + String.join("; ", e.getValue()))
                .reduce((a, b) -> a + " | " + b).orElse("invalid request");
        return new ApiException(400, "InvalidRequest", summary, copy, OptionalInt.empty());
    }

    public static ApiException invalidField(String field, String message) {
        return invalidFields(Map.of(field, List.of(message)));
    }

    /** 400 about the request as a whole (JSON syntax, api-version), with an ACS error code. */
    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message, Map.of(), OptionalInt.empty());
    }

    /** 401: authentication failed. ACS answers these with code "Denied". */
    public static ApiException denied(String message) {
        return new ApiException(401, "Denied", message, Map.of(), OptionalInt.empty());
    }

    /** 401 for a sender this deployment does not own, as the real service answers it (recorded 2021). */
    public static ApiException senderNotOwned(String message) {
        return new ApiException(401, "SenderNotOwned", message, Map.of(), OptionalInt.empty());
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "NotFound", message, Map.of(), OptionalInt.empty());
    }

    public static ApiException payloadTooLarge(long maxBytes) {
        return payloadTooLarge("The request body is larger than the " + maxBytes + " bytes this deployment accepts.");
    }

    public static ApiException payloadTooLarge(String message) {
        return new ApiException(413, "PayloadTooLarge", message, Map.of(), OptionalInt.empty());
    }

    /** Any other status, for answers the server stack produced itself. */
    public static ApiException of(int status, String code, String message) {
        return new ApiException(status, code, message, Map.of(), OptionalInt.empty());
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, "UnsupportedMediaType", message, Map.of(), OptionalInt.empty());
    }

    /** 503 with Retry-After: nothing was done, the same request may be sent again. */
    public static ApiException unavailable(String message, int retryAfterSeconds) {
        return new ApiException(503, "ServiceUnavailable", message, Map.of(), OptionalInt.of(retryAfterSeconds));
    }

    public static ApiException badGateway(String message) {
        return new ApiException(502, "BadGateway", message, Map.of(), OptionalInt.empty());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

package io.relaysms.api.http;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ACS SMS api-versions this server answers (contract §1.2) and what each one has. All of them share the
 * 2021-03-07 send shape; opt-outs arrive with 2024-12-10-preview and delivery reports with 2025-08-01-preview.
 * The 2020-07-20-preview1 shape (a different body and a 200 answer) is not served.
 */
public enum ApiVersion {
    V2021_03_07("2021-03-07", EnumSet.of(Operation.SEND)),
    V2024_01_14_PREVIEW("2024-01-14-preview", EnumSet.of(Operation.SEND)),
    // Not in the spec readme's tag list, but the JavaScript SDK 1.2.0-beta.1 sends it on every call.
    V2024_02_05_PREVIEW("2024-02-05-preview", EnumSet.of(Operation.SEND)),
    V2024_12_10_PREVIEW("2024-12-10-preview", EnumSet.of(Operation.SEND, Operation.OPT_OUTS)),
    V2025_05_29_PREVIEW("2025-05-29-preview", EnumSet.of(Operation.SEND, Operation.OPT_OUTS)),
    V2025_08_01_PREVIEW("2025-08-01-preview", EnumSet.of(Operation.SEND, Operation.OPT_OUTS, Operation.DELIVERY_REPORTS)),
    V2025_09_17("2025-09-17", EnumSet.of(Operation.SEND, Operation.OPT_OUTS)),
    V2026_01_23("2026-01-23", EnumSet.of(Operation.SEND, Operation.OPT_OUTS, Operation.DELIVERY_REPORTS));

    /** What a version may be asked to do. */
    public enum Operation { SEND, OPT_OUTS, DELIVERY_REPORTS }

    private final String wireName;
    private final Set<Operation> operations;

    ApiVersion(String wireName, Set<Operation> operations) {
        this.wireName = wireName;
        this.operations = operations;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ApiVersion> fromWireName(String name) {
        return Optional.ofNullable(ByWireName.VERSIONS.get(name));
    }

    /** Looked up on every request; an enum cannot reach its own static map from its constructor, hence the holder. */
    private static final class ByWireName {
        private static final Map<String, ApiVersion> VERSIONS = Arrays.stream(values())
                .collect(Collectors.toUnmodifiableMap(ApiVersion::wireName, v -> v));
    }

    /** The request's api-version, which must exist and offer the operation; else 400 as ACS words it. */
    public static ApiVersion require(Context ctx, Operation operation) {
        String requested = ctx.queryParam("api-version");
        if (requested == null || requested.isBlank()) {
            throw ApiException.badRequest("ApiVersionUnspecified", "An API version is required, but was not specified.");
        }
        ApiVersion version = fromWireName(requested.trim()).orElseThrow(() -> ApiException.badRequest("UnsupportedApiVersion",
                "The HTTP resource that matches the request URI '" + ctx.path() + "' does not support the API version '"
                        + requested + "'. Supported: " + supporting(operation) + "."));
        if (!version.operations.contains(operation)) {
            throw ApiException.badRequest("UnsupportedApiVersion", "API version '" + requested + "' does not offer "
                    + ctx.path() + "; use one of " + supporting(operation) + ".");
        }
        return version;
    }

    static String supporting(Operation operation) {
        return Arrays.stream(values()).filter(v -> v.operations.contains(operation)).map(ApiVersion::wireName)
                .collect(Collectors.joining(", "));
    }
}

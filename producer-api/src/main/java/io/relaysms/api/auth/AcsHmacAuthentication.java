package io.relaysms.api.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.relaysms.api.http.ApiException;
import io.relaysms.api.http.Rfc1123Dates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before-filter that lets a request through only when it is signed with one of the {@link AccessKeys} exactly as
 * ACS clients sign (contract §4.2, §4.3):
 * <ol>
 *   <li>{@code Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=<base64>};</li>
 *   <li>{@code x-ms-date} (or {@code Date}) in RFC 1123 form, within the allowed clock skew;</li>
 *   <li>{@code x-ms-content-sha256} equal to the SHA-256 of the body bytes as received;</li>
 *   <li>the signature over method, raw path and query, date, the {@code Host} header as received, and the hash.</li>
 * </ol>
 * Anything else is 401 (code {@code Denied}) with a message that says which check failed, thrown before any
 * handler runs, so nothing is produced. Azure AD bearer tokens are answered 401 with a clear message. Keys and
 * signatures are never logged; the string-to-sign (which holds no secret) is logged at debug level on a mismatch.
 */
public final class AcsHmacAuthentication implements Handler {

    /** Request attribute holding the name of the key that signed the request ("primary" or "secondary"). */
    public static final String CREDENTIAL_ATTRIBUTE = "relay.credential";

    private static final Logger log = LoggerFactory.getLogger(AcsHmacAuthentication.class);
    private static final Pattern HMAC = Pattern.compile(
            "HMAC-SHA256\\s+SignedHeaders=([^&]+)&Signature=(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final String SIGNED_HEADERS = "x-ms-date;host;x-ms-content-sha256";

    private final AccessKeys keys;
    private final Duration allowedSkew;
    private final Clock clock;
    private final Set<String> openPaths;
    private final Rfc1123Dates dates = new Rfc1123Dates();

    /**
     * @param openPaths paths served without a signature (health, metrics, the OpenAPI document)
     */
    public AcsHmacAuthentication(AccessKeys keys, Duration allowedSkew, Clock clock, Set<String> openPaths) {
        this.keys = keys;
        this.allowedSkew = allowedSkew;
        this.clock = clock;
        this.openPaths = Set.copyOf(openPaths);
    }

    @Override
    public void handle(Context ctx) {
        if (openPaths.contains(ctx.path())) {
            return;
        }
        String authorization = ctx.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.denied("The Authorization header is missing. Sign the request with an access key: "
                    + "Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=<signature>.");
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.denied("Azure AD (Entra ID) tokens are not supported by this deployment. Use an access "
                    + "key: a connection string endpoint=https://<host>:<port>/;accesskey=<key>.");
        }
        Matcher matcher = HMAC.matcher(authorization.trim());
        if (!matcher.matches()) {
            throw ApiException.denied("The Authorization header is not in the form "
                    + "'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=<signature>'.");
        }
        if (!matcher.group(1).trim().equalsIgnoreCase(SIGNED_HEADERS)) {
            throw ApiException.denied("SignedHeaders must be '" + SIGNED_HEADERS + "', not '" + matcher.group(1) + "'.");
        }
        String date = firstPresent(ctx.header("x-ms-date"), ctx.header("Date"));
        checkDate(date);
        String claimedHash = ctx.header("x-ms-content-sha256");
        if (claimedHash == null || claimedHash.isBlank()) {
            throw ApiException.denied("The x-ms-content-sha256 header is missing (base64 of the SHA-256 of the body).");
        }
        String actualHash = StringToSign.contentHash(ctx.bodyAsBytes());
        if (!actualHash.equals(claimedHash.trim())) {
            throw ApiException.denied("Request 'x-ms-content-sha256' differs from generated content hash.");
        }
        String host = ctx.header("Host");
        if (host == null || host.isBlank()) {
            throw ApiException.denied("The Host header is missing; it is part of what is signed.");
        }
        String query = ctx.req().getQueryString();
        String pathAndQuery = ctx.req().getRequestURI() + (query == null ? "" : "?" + query);
        StringToSign toSign = new StringToSign(ctx.method().name(), pathAndQuery, date, host, actualHash);
        AccessKey key = keys.verifying(toSign.text(), matcher.group(2)).orElseThrow(() -> {
            log.debug("signature mismatch; the server signed {}", toSign.text().replace("\n", "\\n"));
            return ApiException.denied("The request signature does not match: it must be the HMAC-SHA256, with the "
                    + "access key, of \"" + toSign.text().replace("\n", "\\n") + "\".");
        });
        ctx.attribute(CREDENTIAL_ATTRIBUTE, key.name());
    }

    private void checkDate(String date) {
        if (date == null || date.isBlank()) {
            throw ApiException.denied("The x-ms-date header is missing (RFC 1123, e.g. 'Fri, 27 Nov 2026 08:21:17 GMT').");
        }
        Instant sent = dates.parse(date).orElseThrow(() -> ApiException.denied("x-ms-date '" + date
                + "' is not an RFC 1123 date such as 'Fri, 27 Nov 2026 08:21:17 GMT'."));
        Duration offset = Duration.between(clock.instant(), sent).abs();
        if (offset.compareTo(allowedSkew) > 0) {
            throw ApiException.denied("x-ms-date '" + date + "' is " + offset.toSeconds() + " s away from the server's "
                    + "clock (" + clock.instant() + "); at most " + allowedSkew.toSeconds() + " s are allowed.");
        }
    }

    private static String firstPresent(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}

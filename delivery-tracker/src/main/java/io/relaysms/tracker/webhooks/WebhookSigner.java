package io.relaysms.tracker.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests so a subscriber can tell they come from Relay and were not replayed:
 * {@value #TIMESTAMP_HEADER} carries the Unix time in seconds, and {@value #SIGNATURE_HEADER} is
 * {@code sha256=<lower-case hex HMAC-SHA256(secret, timestamp + "." + body)>}. A subscriber recomputes it over the
 * raw body bytes, compares in constant time and refuses timestamps far from its clock.
 */
public final class WebhookSigner {

    public static final String SIGNATURE_HEADER = "X-Relay-Signature";
    public static final String TIMESTAMP_HEADER = "X-Relay-Signature-Timestamp";

    private final SecretKeySpec key;

    public WebhookSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String signature(long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

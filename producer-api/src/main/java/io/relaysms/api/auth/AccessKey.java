package io.relaysms.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One access key: its name ("primary" or "secondary", the only thing ever logged or recorded) and its secret,
 * the base64-decoded bytes of the key as an ACS connection string carries it, used as the raw HMAC-SHA256 key.
 * {@link #toString()} never shows the secret.
 */
public final class AccessKey {

    private final String name;
    private final SecretKeySpec secret;
    private final String encoded;
    /**
     * One initialised Mac per thread: Mac.getInstance and init cost more than the HMAC of a request itself, and a Mac
     * is not thread-safe. Request threads are pooled, so these live as long as the pool's threads.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private AccessKey(String name, byte[] secret, String encoded) {
        this.name = name;
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
        this.encoded = encoded;
    }

    /** A key from its base64 text; a text that is not base64 is a configuration error naming the key, not the value. */
    public static AccessKey fromBase64(String name, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + name + " access key is not base64 (an ACS access key is the base64 "
                    + "text after 'accesskey=' in the connection string)");
        }
        if (bytes.length < 16) {
            throw new IllegalArgumentException("the " + name + " access key is only " + bytes.length
                    + " bytes long; use at least 16 random bytes (32 is usual)");
        }
        return new AccessKey(name, bytes, base64.trim());
    }

    public String name() {
        return name;
    }

    /** The key as clients put it in a connection string. Only for building that string; never log it. */
    public String base64() {
        return encoded;
    }

    /** base64(HMAC-SHA256(key, stringToSign)), as ACS clients compute the {@code Signature} of their request. */
    public String sign(String stringToSign) {
        return Base64.getEncoder().encodeToString(mac(stringToSign));
    }

    /** Whether a base64 signature a client sent is this key's signature of the string, compared in constant time. */
    public boolean verifies(String stringToSign, String signatureBase64) {
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(stringToSign), claimed);
    }

    private byte[] mac(String stringToSign) {
        // doFinal resets the Mac to its initialised state for the next use on this thread
        return macs.get().doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    @Override
    public String toString() {
        return name + " access key";
    }
}

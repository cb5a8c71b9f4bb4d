package io.relaysms.api.repeat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * What makes two sends with the same repeatability key "the same request" (contract §1.6): the message text and
 * the repeatabilityFirstSent instant. A retry carries both unchanged (the SDKs resend the identical body); a client
 * reusing an id for something else changes one of them and is told so. 64 bits: a clash could only answer a reused
 * id as a repeat instead of as a conflict; either way nothing more is sent.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    /** The text's share, computed once per request (all its recipients share the text). */
    public static long ofMessage(String message) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java 17 runtime", e);
        }
    }

    public static long of(long messageFingerprint, Instant firstSent) {
        return messageFingerprint ^ (firstSent.toEpochMilli() * 0x9E3779B97F4A7C15L);
    }
}

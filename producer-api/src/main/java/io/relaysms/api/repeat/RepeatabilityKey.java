package io.relaysms.api.repeat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The identity of one repeatable message: (canonical sender, canonical recipient, repeatabilityRequestId), reduced
 * to 128 bits of SHA-256. The same bits are the UUID in the message's id, so a retry of the same recipient with the
 * same repeatability id gets the same messageId on any API instance, before or after a restart, without asking
 * anyone. 128 bits make an accidental collision (which would answer a new message as a repeat) negligible.
 */
public record RepeatabilityKey(long high, long low) {

    /** A digest per thread (one key per recipient: looking a digest up each time cost more than the hash). */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(RepeatabilityKey::newSha256);

    public static RepeatabilityKey of(String from, String to, String repeatabilityRequestId) {
        MessageDigest sha256 = SHA256.get();
        // Length-prefixed parts, so no two different triples hash the same input.
        for (String part : new String[] {from, to, repeatabilityRequestId}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update((byte) (bytes.length >>> 24));
            sha256.update((byte) (bytes.length >>> 16));
            sha256.update((byte) (bytes.length >>> 8));
            sha256.update((byte) bytes.length);
            sha256.update(bytes);
        }
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
        return new RepeatabilityKey(digest.getLong(), digest.getLong());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java 17 runtime", e);
        }
    }

    /** The key as a name-based UUID (version 8, RFC 9562 variant bits set). */
    public UUID uuid() {
        long versioned = (high & ~0xF000L) | 0x8000L;
        long variant = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(versioned, variant);
    }
}

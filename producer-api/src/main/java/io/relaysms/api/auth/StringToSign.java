package io.relaysms.api.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The text ACS clients sign (contract §4.2): {@code METHOD\npath-and-query\nx-ms-date;host;content-hash}, with
 * '\n' separators only. The server rebuilds it from the request as received and checks the signature against it.
 *
 * @param method       upper-case HTTP method
 * @param pathAndQuery the raw request target: path as it appeared in the URL, then '?' and the raw query if any
 * @param date         the x-ms-date value (or Date when x-ms-date is absent), verbatim
 * @param host         the Host header as received (Java signs without the port, .NET with a non-default one)
 * @param contentHash  base64(SHA-256(body bytes))
 */
public record StringToSign(String method, String pathAndQuery, String date, String host, String contentHash) {

    /** A digest per thread: looking one up costs more than hashing a small body; digest() resets it for reuse. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(StringToSign::newSha256);

    /** base64(SHA-256(body)); the hash of an absent body is that of zero bytes. */
    public static String contentHash(byte[] body) {
        return Base64.getEncoder().encodeToString(SHA256.get().digest(body));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java 17 runtime", e);
        }
    }

    public String text() {
        return method + "\n" + pathAndQuery + "\n" + date + ";" + host + ";" + contentHash;
    }
}

package io.relaysms.benchmarks.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds the requests an Azure SDK client would send: a send body whose recipients each carry a fresh
 * repeatability id and the current time (so no request is a repeat), signed with HMAC-SHA256 as ACS clients sign.
 * One instance per load thread (the Mac is not thread-safe). Also used by the end-to-end benchmark
 * ({@code io.relaysms.benchmarks.e2e}), which sends from many numbers and tags each request with its send time.
 */
public final class SignedRequests {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final URI target;
    private final String host;
    private final String pathAndQuery;
    private final String from;
    private final int recipients;
    private final Mac mac;
    private final MessageDigest sha256;

    public SignedRequests(URI endpoint, String pathAndQuery, byte[] key, String from, int recipients) {
        this.target = endpoint.resolve(pathAndQuery);
        this.host = endpoint.getHost() + ":" + endpoint.getPort();
        this.pathAndQuery = pathAndQuery;
        this.from = from;
        this.recipients = recipients;
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            this.mac.init(new SecretKeySpec(key, "HmacSHA256"));
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest next() {
        return next(from, null);
    }

    /** A request from the given number; {@code clientRequestId}, when not null, goes in x-ms-client-request-id. */
    public HttpRequest next(String from, String clientRequestId) {
        String now = RFC_1123.format(ZonedDateTime.now(ZoneOffset.UTC));
        StringBuilder body = new StringBuilder(256 + recipients * 140).append("{\"from\":\"").append(from).append("\",\"smsRecipients\":[");
        for (int i = 0; i < recipients; i++) {
            body.append(i == 0 ? "" : ",").append("{\"to\":\"+1425555").append(String.format("%04d", ThreadLocalRandom.current().nextInt(10_000)))
                    .append("\",\"repeatabilityRequestId\":\"").append(UUID.randomUUID())
                    .append("\",\"repeatabilityFirstSent\":\"").append(now).append("\"}");
        }
        body.append("],\"message\":\"Your verification code is 123456. It expires in 10 minutes.\","
                + "\"smsSendOptions\":{\"enableDeliveryReport\":true,\"tag\":\"bench\"}}");
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        String hash = Base64.getEncoder().encodeToString(sha256.digest(bytes));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(
                ("POST\n" + pathAndQuery + "\n" + now + ";" + host + ";" + hash).getBytes(StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(target);
        if (clientRequestId != null) {
            request.header("x-ms-client-request-id", clientRequestId);
        }
        return request
                .header("Content-Type", "application/json")
                .header("x-ms-date", now)
                .header("x-ms-content-sha256", hash)
                .header("Authorization", "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }
}

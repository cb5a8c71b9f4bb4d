package io.relaysms.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An ACS-style client written from the wire contract ({@code acs-sms-contract.md} §4), not from the server code:
 * it parses a connection string, hashes the body, signs METHOD, path and query, x-ms-date, host (as .NET does it:
 * host plus a non-default port, which is what java.net.http sends as Host) and the hash with HMAC-SHA256, and
 * talks HTTPS trusting only the certificate it is given. Tests may bend any header before sending to see the
 * server refuse it.
 */
public final class AcsSignedClient {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final URI endpoint;
    private final byte[] key;
    private final HttpClient http;

    public AcsSignedClient(String connectionString, Path trustedCertificatePem) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : connectionString.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals).trim().toLowerCase(Locale.ROOT), part.substring(equals + 1).trim());
            }
        }
        this.endpoint = URI.create(parts.get("endpoint"));
        this.key = Base64.getDecoder().decode(parts.get("accesskey"));
        this.http = HttpClient.newBuilder().sslContext(trusting(trustedCertificatePem)).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A signed request with the body as given. */
    public HttpResponse<String> send(String method, String pathAndQuery, String body) {
        return send(method, pathAndQuery, body, UnaryOperator.identity());
    }

    public HttpResponse<String> post(String pathAndQuery, String body) {
        return send("POST", pathAndQuery, body);
    }

    /** A signed request whose headers {@code bend} may change after signing (to test refusals). */
    public HttpResponse<String> send(String method, String pathAndQuery, String body, UnaryOperator<Map<String, String>> bend) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = bend.apply(signedHeaders(method, pathAndQuery, bytes, ZonedDateTime.now(ZoneOffset.UTC)));
        URI target = endpoint.resolve(pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .method(method, bytes.length == 0 && !"POST".equals(method) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The headers an ACS client sends, signed for the given moment. */
    public Map<String, String> signedHeaders(String method, String pathAndQuery, byte[] body, ZonedDateTime when) {
        String date = RFC_1123.format(when);
        String host = endpoint.getHost() + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
        String contentHash = base64(sha256(body));
        String stringToSign = method + "\n" + pathAndQuery + "\n" + date + ";" + host + ";" + contentHash;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("x-ms-date", date);
        headers.put("x-ms-content-sha256", contentHash);
        headers.put("x-ms-client-request-id", java.util.UUID.randomUUID().toString());
        headers.put("Authorization", "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
                + base64(hmac(stringToSign)));
        return headers;
    }

    public static String rfc1123(ZonedDateTime when) {
        return RFC_1123.format(when);
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** An SSL context trusting exactly the given PEM certificate. */
    public static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("relay-api", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust " + pem + ": " + e, e);
        }
    }
}

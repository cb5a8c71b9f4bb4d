package io.relaysms.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An ACS client signed by hand from the wire contract (HMAC-SHA256 over METHOD, path and query, x-ms-date, host and
 * the body's SHA-256), over HTTPS trusting only the platform's generated certificate. Unlike the Azure SDK it does not
 * retry on 503, so the fault tests see every answer the API gives.
 */
final class AcsClient {

    static final String SEND_PATH = "/sms?api-version=2021-03-07";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final URI endpoint;
    private final byte[] key;
    private final HttpClient http;

    AcsClient(RelayPlatform platform) {
        String connectionString = platform.api().connectionString().replace("127.0.0.1", "localhost");
        String endpointText = null;
        String accessKey = null;
        for (String part : connectionString.split(";")) {
            String lower = part.toLowerCase(Locale.ROOT);
            if (lower.startsWith("endpoint=")) {
                endpointText = part.substring("endpoint=".length());
            } else if (lower.startsWith("accesskey=")) {
                accessKey = part.substring("accesskey=".length());
            }
        }
        this.endpoint = URI.create(endpointText);
        this.key = Base64.getDecoder().decode(accessKey);
        this.http = HttpClient.newBuilder().sslContext(trusting(platform.api().certificatePath().orElseThrow()))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** One POST /sms with every recipient in one request; the text is given as is (no JSON escaping needed). */
    HttpResponse<String> send(String from, List<String> recipients, String text) {
        String body = "{\"from\":\"" + from + "\",\"smsRecipients\":["
                + recipients.stream().map(to -> "{\"to\":\"" + to + "\"}").collect(Collectors.joining(","))
                + "],\"message\":\"" + text + "\",\"smsSendOptions\":{\"enableDeliveryReport\":true,\"tag\":\"e2e\"}}";
        return post(SEND_PATH, body);
    }

    /** The messageIds of an accepted send, in recipient order; every recipient must have been accepted. */
    static List<String> messageIds(HttpResponse<String> accepted) {
        try {
            JsonNode items = JSON.readTree(accepted.body()).get("value");
            List<String> ids = new ArrayList<>();
            for (JsonNode item : items) {
                if (!item.get("successful").asBoolean()) {
                    throw new IllegalStateException("a recipient was refused: " + item);
                }
                ids.add(item.get("messageId").asText());
            }
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer: " + accepted.body(), e);
        }
    }

    HttpResponse<String> post(String pathAndQuery, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String date = RFC_1123.format(ZonedDateTime.now(ZoneOffset.UTC));
        String host = endpoint.getHost() + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
        String contentHash = Base64.getEncoder().encodeToString(sha256(bytes));
        String stringToSign = "POST\n" + pathAndQuery + "\n" + date + ";" + host + ";" + contentHash;
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(pathAndQuery)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", "application/json")
                .header("x-ms-date", date)
                .header("x-ms-content-sha256", contentHash)
                .header("x-ms-client-request-id", UUID.randomUUID().toString())
                .header("Authorization", "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
                        + Base64.getEncoder().encodeToString(hmac(stringToSign)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    private static SSLContext trusting(Path pem) {
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

package io.relaysms.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.api.AcsSignedClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The platform's API through producer-api's contract-written signed client (HMAC-SHA256 over METHOD, path and query,
 * x-ms-date, host and the body's SHA-256, over HTTPS trusting only the generated certificate), plus what the
 * platform's tests need on top. Unlike the Azure SDK it does not retry on 503, so the fault tests see every answer the
 * API gives.
 */
final class AcsClient {

    static final String SEND_PATH = "/sms?api-version=2021-03-07";
    static final ObjectMapper JSON = new ObjectMapper();

    private final AcsSignedClient signed;

    AcsClient(RelayPlatform platform) {
        this.signed = new AcsSignedClient(platform.api().connectionString().replace("127.0.0.1", "localhost"),
                platform.api().certificatePath().orElseThrow());
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
        return signed.post(pathAndQuery, body);
    }
}

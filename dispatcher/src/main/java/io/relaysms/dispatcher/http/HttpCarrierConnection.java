package io.relaysms.dispatcher.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relaysms.dispatcher.carrier.CarrierConnection;
import io.relaysms.dispatcher.carrier.CarrierPacer;
import io.relaysms.dispatcher.carrier.OutboundMessage;
import io.relaysms.dispatcher.carrier.SubmitAttempt;
import io.relaysms.dispatcher.carrier.SubmitOutcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A carrier reached over a simple JSON API instead of SMPP (README, "HTTP carrier API"). One POST per message:
 * <pre>
 * POST {url}/messages   {"reference": messageId, "from": "+18005550100", "to": "+14255550123",
 *                        "text": "...", "segments": 2, "requestReceipt": true}
 * 200/201/202           {"ids": ["c-1", "c-2"]}  (one id per segment, or {"id": "c-1"} for the message)
 * </pre>
 * Answers map onto the closed set: 2xx accepted; 429 throttled (the connection slows down); 408, 500, 502, 503,
 * 504 retryable; any other status permanent; no answer in time timed out; a refused connection retryable, and
 * the carrier counts as unavailable for two seconds so that numbers with a failover route use it.
 */
public final class HttpCarrierConnection implements CarrierConnection {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DOWN_FOR_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final HttpCarrierSettings settings;
    private final HttpClient client;
    private final CarrierPacer pacer;
    private final ExecutorService requests;
    private volatile long downUntilNanos = System.nanoTime();

    public HttpCarrierConnection(HttpCarrierSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(settings.timeoutMillis()))
                .version(HttpClient.Version.HTTP_1_1).build();
        this.pacer = new CarrierPacer(settings.tps(), 100, 5_000);
        AtomicInteger threads = new AtomicInteger();
        this.requests = Executors.newFixedThreadPool(settings.window(), r -> {
            Thread t = new Thread(r, "submit-" + settings.carrierId() + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String carrierId() {
        return settings.carrierId();
    }

    @Override
    public boolean isAvailable() {
        return System.nanoTime() - downUntilNanos >= 0;
    }

    @Override
    public int window() {
        return settings.window();
    }

    @Override
    public boolean countsSegments() {
        return settings.countsSegments();
    }

    /** The HTTP client is used synchronously, one request per thread of this connection's window. */
    @Override
    public CompletableFuture<SubmitAttempt> submit(OutboundMessage message) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return submitNow(message);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SubmitAttempt(carrierId(), List.of(), new SubmitOutcome.Retryable(-1, "submit interrupted by shutdown"));
            }
        }, requests);
    }

    private SubmitAttempt submitNow(OutboundMessage message) throws InterruptedException {
        if (message.firstPart() > 0) {
            // The carrier took the message whole before; nothing is left to send.
            return new SubmitAttempt(carrierId(), List.of(), new SubmitOutcome.Accepted());
        }
        pacer.awaitTurn();
        ObjectNode body = JSON.createObjectNode()
                .put("reference", message.messageId())
                .put("from", message.from())
                .put("to", message.to())
                .put("text", message.text())
                .put("segments", message.segments().count())
                .put("requestReceipt", message.requestReceipt());
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.messagesUri())
                .timeout(Duration.ofMillis(settings.timeoutMillis()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (!settings.apiKey().isEmpty()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return answer(response);
        } catch (HttpTimeoutException e) {
            return new SubmitAttempt(carrierId(), List.of(), new SubmitOutcome.TimedOut(
                    "no answer from " + carrierId() + " within " + settings.timeoutMillis() + " ms"));
        } catch (ConnectException e) {
            downUntilNanos = System.nanoTime() + DOWN_FOR_NANOS;
            return new SubmitAttempt(carrierId(), List.of(), new SubmitOutcome.Retryable(-1,
                    "cannot connect to " + settings.messagesUri() + ": " + e.getMessage()));
        } catch (IOException e) {
            return new SubmitAttempt(carrierId(), List.of(), new SubmitOutcome.Retryable(-1,
                    "connection to " + carrierId() + " failed: " + e.getMessage()));
        }
    }

    private SubmitAttempt answer(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            pacer.onAccepted();
            return new SubmitAttempt(carrierId(), ids(response.body()), new SubmitOutcome.Accepted());
        }
        String description = "HTTP " + status + " from " + carrierId() + ": " + abbreviate(response.body());
        SubmitOutcome outcome;
        if (status == 429) {
            pacer.onThrottled();
            outcome = new SubmitOutcome.Throttled(status, description);
        } else if (status == 408 || status == 500 || status == 502 || status == 503 || status == 504) {
            outcome = new SubmitOutcome.Retryable(status, description);
        } else {
            outcome = new SubmitOutcome.Permanent(status, description);
        }
        return new SubmitAttempt(carrierId(), List.of(), outcome);
    }

    private static List<String> ids(String body) {
        List<String> ids = new ArrayList<>();
        try {
            JsonNode json = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            if (json.has("ids") && json.get("ids").isArray()) {
                json.get("ids").forEach(id -> ids.add(id.asText()));
            } else if (json.hasNonNull("id")) {
                ids.add(json.get("id").asText());
            }
        } catch (IOException e) {
            // an accepted answer without a readable body still means accepted; receipts cannot be matched
        }
        return ids;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    public HttpCarrierSettings settings() {
        return settings;
    }

    @Override
    public String describeState() {
        return (isAvailable() ? "reachable " : "unreachable ") + settings.messagesUri();
    }

    @Override
    public void close() {
        // HttpClient holds no connection that needs closing before Java 21; requests still running are interrupted.
        requests.shutdownNow();
    }
}

package io.relaysms.tracker.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Forwards a query to the instance that hosts the message, marked {@value #FORWARDED} so that instance answers from
 * its own store or says it cannot (no forwarding twice while partitions move).
 */
final class RemoteQuery {

    static final String FORWARDED = "forwarded";

    /** The other instance's answer, passed on as it is. */
    record Answer(int status, String contentType, byte[] body) {
    }

    private final HttpClient client;
    private final Duration timeout;

    RemoteQuery(Duration timeout) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    Answer get(HostInfo host, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path + "?" + FORWARDED + "=true"))
                .timeout(timeout).GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse("application/json"),
                    response.body());
        } catch (IOException e) {
            // A refused or reset connection often has no message; its type is then what says what happened.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new RemoteQueryException("the instance at " + host.host() + ":" + host.port() + " holding the message did not answer ("
                    + why + "); if it stopped, another instance takes its partitions over within Kafka's session timeout", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteQueryException("interrupted while asking " + host.host() + ":" + host.port(), e);
        }
    }

    /** The instance holding the message could not be asked; answered 502. */
    static final class RemoteQueryException extends RuntimeException {
        RemoteQueryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

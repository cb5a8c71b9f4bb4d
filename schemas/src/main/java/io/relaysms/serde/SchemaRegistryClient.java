package io.relaysms.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The two calls of the Confluent Schema Registry REST API that a serde needs, spoken to any compatible server
 * (Confluent, Karapace, Apicurio's compatibility API):
 * {@code POST /subjects/{subject}/versions} registers a schema (idempotently) and answers its global id;
 * {@code GET /schemas/ids/{id}} answers the schema an id names. Several comma-separated URLs are tried in
 * order when one cannot be reached.
 */
public final class SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> baseUris;
    private final Optional<String> authorization;
    private final HttpClient http;
    private final Duration requestTimeout;

    public SchemaRegistryClient(String urls, Optional<String> basicAuthUserInfo, Duration requestTimeout) {
        List<URI> uris = new ArrayList<>();
        for (String url : urls.split(",")) {
            String trimmed = url.trim();
            if (!trimmed.isEmpty()) {
                uris.add(URI.create(trimmed.endsWith("/") ? trimmed : trimmed + "/"));
            }
        }
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("schema.registry.url names no URL");
        }
        this.baseUris = List.copyOf(uris);
        this.authorization = basicAuthUserInfo.filter(s -> !s.isBlank())
                .map(info -> "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    /** Registers (or finds) the schema under the subject and returns its id. */
    public int register(String subject, Schema schema) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (IOException e) {
            throw new SchemaRegistryException("cannot encode schema " + schema.getFullName(), e);
        }
        JsonNode answer = call("POST", "subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20")
                + "/versions", body);
        JsonNode id = answer.get("id");
        if (id == null || !id.canConvertToInt()) {
            throw new SchemaRegistryException("registry answered without an id: " + answer, null);
        }
        return id.intValue();
    }

    /** The schema registered under a global id. */
    public Schema schemaById(int id) {
        JsonNode answer = call("GET", "schemas/ids/" + id, null);
        JsonNode schema = answer.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new SchemaRegistryException("registry answered without a schema for id " + id + ": " + answer, null);
        }
        return new Schema.Parser().parse(schema.textValue());
    }

    private JsonNode call(String method, String path, String body) {
        IOException lastUnreachable = null;
        for (URI base : baseUris) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(requestTimeout)
                    .header("Accept", CONTENT_TYPE + ", application/json");
            authorization.ifPresent(value -> request.header("Authorization", value));
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", CONTENT_TYPE).POST(HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastUnreachable = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while calling the schema registry", e);
            }
            return parse(method, base.resolve(path), response);
        }
        throw new SchemaRegistryException("no schema registry reachable at " + baseUris, lastUnreachable);
    }

    private static JsonNode parse(String method, URI uri, HttpResponse<String> response) {
        JsonNode json;
        try {
            json = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException(method + " " + uri + " answered " + response.statusCode() + " with a body that is not JSON", e);
        }
        if (response.statusCode() / 100 != 2) {
            JsonNode code = json.get("error_code");
            JsonNode message = json.get("message");
            throw new SchemaRegistryException(method + " " + uri + " answered " + response.statusCode()
                    + (code == null ? "" : " (error " + code.asText() + ")")
                    + (message == null ? "" : ": " + message.asText()), null, response.statusCode());
        }
        return json;
    }

    /** A registry call that failed; {@link #status()} is the HTTP status, or 0 when no registry answered. */
    public static final class SchemaRegistryException extends RuntimeException {
        private final int status;

        SchemaRegistryException(String message, Throwable cause) {
            this(message, cause, 0);
        }

        SchemaRegistryException(String message, Throwable cause, int status) {
            super(message, cause);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}

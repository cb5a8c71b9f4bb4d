package io.relaysms.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * A real HTTP server implementing the two Confluent Schema Registry endpoints the serde uses, with the
 * registry's semantics: ids are global and belong to the schema (the same schema under two subjects has one
 * id), registering is idempotent, an invalid schema is 422 (error 42201), an unknown id 404 (error 40403),
 * errors as {"error_code", "message"}. Optional basic authentication answers 401 without credentials.
 */
final class FaithfulSchemaRegistry implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REGISTER = Pattern.compile("^/subjects/([^/]+)/versions$");
    private static final Pattern BY_ID = Pattern.compile("^/schemas/ids/(\\d+)$");

    private final HttpServer server;
    private final String requiredAuthorization;
    private final Map<String, Integer> idByCanonicalSchema = new LinkedHashMap<>();
    private final Map<Integer, String> schemaById = new LinkedHashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new LinkedHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    FaithfulSchemaRegistry(String requiredAuthorization) throws IOException {
        this.requiredAuthorization = requiredAuthorization;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized int register(String subject, String schemaText) {
        String canonical = new Schema.Parser().parse(schemaText).toString();
        int id = idByCanonicalSchema.computeIfAbsent(canonical, s -> 100 + idByCanonicalSchema.size() + 1);
        schemaById.putIfAbsent(id, canonical);
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        requests.add(method + " " + path);
        if (requiredAuthorization != null
                && !requiredAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, error(40101, "Unauthorized"));
            return;
        }
        Matcher register = REGISTER.matcher(path);
        Matcher byId = BY_ID.matcher(path);
        if (method.equals("POST") && register.matches()) {
            String subject = URLDecoder.decode(register.group(1), StandardCharsets.UTF_8);
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            JsonNode schema = body.get("schema");
            try {
                int id = register(subject, schema == null ? "" : schema.asText());
                respond(exchange, 200, JSON.writeValueAsString(Map.of("id", id)));
            } catch (RuntimeException e) {
                respond(exchange, 422, error(42201, "Invalid schema: " + e.getMessage()));
            }
        } else if (method.equals("GET") && byId.matches()) {
            String schema;
            synchronized (this) {
                schema = schemaById.get(Integer.parseInt(byId.group(1)));
            }
            if (schema == null) {
                respond(exchange, 404, error(40403, "Schema " + byId.group(1) + " not found"));
            } else {
                respond(exchange, 200, JSON.writeValueAsString(Map.of("schema", schema)));
            }
        } else {
            respond(exchange, 404, error(404, "HTTP 404 Not Found"));
        }
    }

    private static String error(int code, String message) throws IOException {
        return JSON.writeValueAsString(Map.of("error_code", code, "message", message));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

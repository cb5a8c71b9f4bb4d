package io.relaysms.optout.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;

/**
 * A real Kafka Connect worker in this JVM (Kafka's own standalone runtime, as {@code connect-standalone.sh} starts
 * it, REST API included), configured from the repository's {@code connect/connect-standalone.properties} with
 * the test's broker, plugin path and an ephemeral port. Connectors are created through the REST API from the
 * repository's {@code connect/*.json} files, with the test's overrides.
 */
final class ConnectWorker implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connect<StandaloneHerder> connect;
    private final URI rest;
    private final HttpClient http = HttpClient.newHttpClient();

    private ConnectWorker(Connect<StandaloneHerder> connect) {
        this.connect = connect;
        this.rest = connect.rest().serverUrl();
    }

    static ConnectWorker start(Path workerFile, Map<String, String> overrides) throws IOException {
        Properties file = new Properties();
        try (InputStream in = Files.newInputStream(workerFile)) {
            file.load(in);
        }
        Map<String, String> props = new HashMap<>();
        file.stringPropertyNames().forEach(name -> props.put(name, file.getProperty(name)));
        props.putAll(overrides);
        return new ConnectWorker(new ConnectStandalone().startConnect(props));
    }

    /** Creates (or replaces) the connector of a {"name","config"} file, with some config keys overridden. */
    String putConnector(Path file, Map<String, String> overrides) throws IOException, InterruptedException {
        JsonNode definition = JSON.readTree(file.toFile());
        String name = definition.get("name").asText();
        ObjectNode config = (ObjectNode) definition.get("config");
        overrides.forEach(config::put);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(rest.resolve("/connectors/" + name + "/config"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException("PUT connector " + name + " answered " + response.statusCode() + ": " + response.body());
        }
        return name;
    }

    /** The connector's status as the REST API reports it. */
    JsonNode status(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(rest.resolve("/connectors/" + name + "/status")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** The plugins the worker loaded, as the REST API lists them (converters included). */
    JsonNode plugins() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(rest.resolve("/connector-plugins?connectorsOnly=false")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }
}

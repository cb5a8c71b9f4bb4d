package io.relaysms.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Schema ids from a schema registry, cached: each (subject, schema) is registered once per serializer and each
 * id fetched once per deserializer, so the registry is off the hot path after the first record.
 */
public final class RegistrySchemaIds implements SchemaIds {

    private final SchemaRegistryClient client;
    private final Map<String, Integer> registered = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> fetched = new ConcurrentHashMap<>();

    public RegistrySchemaIds(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public int idFor(String subject, Schema schema) {
        return registered.computeIfAbsent(subject + "\n" + schema, key -> {
            int id = client.register(subject, schema);
            fetched.putIfAbsent(id, schema);
            return id;
        });
    }

    @Override
    public Schema schemaFor(int id) {
        return fetched.computeIfAbsent(id, key -> {
            try {
                return client.schemaById(key);
            } catch (SchemaRegistryClient.SchemaRegistryException e) {
                if (e.status() == 404) {
                    throw new UnknownSchemaIdException(key, "the schema registry (" + e.getMessage() + ")");
                }
                throw e;
            }
        });
    }
}

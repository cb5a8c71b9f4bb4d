package io.relaysms.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Schema ids without a registry: every released version of every schema shipped in this module has a fixed
 * id, listed in {@code io/relaysms/schemas/released/schema-ids.properties} and documented in
 * {@code schemas/README.md}. Ids are never reused or renumbered, so bytes written by any Relay version stay
 * readable by every later one.
 */
public final class ShippedSchemaIds implements SchemaIds {

    static final String RELEASED = "/io/relaysms/schemas/released/";

    private final Map<Integer, Schema> byId;
    private final Map<String, Integer> idByText;

    private ShippedSchemaIds(Map<Integer, Schema> byId) {
        this.byId = Collections.unmodifiableMap(byId);
        Map<String, Integer> byText = new LinkedHashMap<>();
        byId.forEach((id, schema) -> byText.put(schema.toString(), id));
        this.idByText = Collections.unmodifiableMap(byText);
    }

    /** The ids and schemas as shipped in this jar. */
    public static ShippedSchemaIds load() {
        Properties index = new Properties();
        try (InputStream in = resource("schema-ids.properties")) {
            index.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped schema index", e);
        }
        Map<Integer, Schema> byId = new TreeMap<>();
        for (String key : index.stringPropertyNames()) {
            String file = index.getProperty(key).trim();
            try (InputStream in = resource(file)) {
                byId.put(Integer.parseInt(key.trim()), new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read shipped schema " + file, e);
            }
        }
        return new ShippedSchemaIds(byId);
    }

    private static InputStream resource(String name) {
        InputStream in = ShippedSchemaIds.class.getResourceAsStream(RELEASED + name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + RELEASED + name);
        }
        return in;
    }

    @Override
    public int idFor(String subject, Schema schema) {
        Integer id = idByText.get(schema.toString());
        if (id == null) {
            throw new SerializationException("schema " + schema.getFullName() + " is not one of the schemas shipped with "
                    + "Relay (an .avsc changed without a released version? see schemas/README.md), and no "
                    + "schema.registry.url is configured to register it");
        }
        return id;
    }

    @Override
    public Schema schemaFor(int id) {
        Schema schema = byId.get(id);
        if (schema == null) {
            throw new UnknownSchemaIdException(id, "the schemas shipped with Relay (ids " + byId.keySet()
                    + "); was the topic written with a schema registry? then set schema.registry.url");
        }
        return schema;
    }

    /** Every shipped id and its schema, in id order. */
    public Map<Integer, Schema> all() {
        return byId;
    }
}

package io.relaysms.connect;

import io.relaysms.serde.AvroDecodingException;
import io.relaysms.serde.AvroDeserializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * Reads Relay's values (Confluent wire format: magic byte 0, 4-byte schema id, Avro binary, written by
 * {@code io.relaysms.serde.AvroSerializer}) into Connect {@code Struct}s, so that any sink connector can write
 * Relay's topics. Schema ids resolve as Relay's serde resolves them: the schemas shipped with Relay, or the
 * registry named by {@code schema.registry.url}.
 *
 * <p>Contract: a record reads into the current version of its schema (an older record gets the newer fields'
 * defaults), so one topic always yields one set of columns. Field names are snake_case by default
 * ({@code messageId} becomes {@code message_id}); timestamps become Connect {@code Timestamp}s; enums become
 * strings; nested arrays, maps and records become JSON text by default (see {@link ConverterSettings}). A null
 * value (tombstone) reads as null. Bytes that cannot be read raise a {@link DataException} naming the topic and
 * schema id, which the worker's {@code errors.tolerance} and dead-letter settings then handle.
 *
 * <p>This converter reads only: it is for sink connectors. Writing Relay's topics from Connect (a source
 * connector) would need the reverse mapping, which nothing needs yet, so {@link #fromConnectData} refuses.
 */
public class RelayAvroConverter implements Converter {

    private AvroDeserializer<Object> deserializer;
    private AvroToConnect translator;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        ConverterSettings settings = new ConverterSettings(configs);
        Map<String, Object> serde = new HashMap<>(configs);
        // Read into Relay's generated classes: their schema is the current version, whatever wrote the record.
        serde.put("specific.avro.reader", "true");
        this.deserializer = new AvroDeserializer<>();
        deserializer.configure(serde, isKey);
        this.translator = new AvroToConnect(settings.fieldNaming(), settings.nestedAsJson());
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (deserializer == null) {
            throw new IllegalStateException("RelayAvroConverter used before configure()");
        }
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        Object record;
        try {
            record = deserializer.deserialize(topic, value);
        } catch (AvroDecodingException e) {
            throw new DataException(e.getMessage(), e);
        }
        if (!(record instanceof GenericRecord avro)) {
            throw new DataException("topic '" + topic + "' holds a " + record.getClass().getName()
                    + ", not an Avro record; Relay's topics hold records only");
        }
        Schema schema = translator.schemaOf(avro.getSchema());
        return new SchemaAndValue(schema, translator.structOf(avro, schema));
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        throw new DataException("RelayAvroConverter only reads Relay's topics (for sink connectors); it cannot write "
                + "topic '" + topic + "'. Produce to Relay's topics with io.relaysms.serde.AvroSerializer instead.");
    }

    @Override
    public ConfigDef config() {
        return ConverterSettings.definition();
    }

    @Override
    public String version() {
        Package pkg = RelayAvroConverter.class.getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}

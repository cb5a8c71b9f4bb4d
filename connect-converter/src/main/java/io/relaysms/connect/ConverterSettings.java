package io.relaysms.connect;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/**
 * The converter's own keys, given on the worker or connector with the converter's prefix
 * ({@code value.converter.field.names=avro}). Relay's serde keys ({@code schema.registry.url},
 * {@code schema.registry.basic.auth.user.info}) are passed to the serde as they are.
 */
final class ConverterSettings extends AbstractConfig {

    static final String FIELD_NAMES = "field.names";
    static final String NESTED_FORMAT = "nested.format";
    static final String SNAKE_CASE = "snake_case";
    static final String AVRO = "avro";
    static final String JSON = "json";
    static final String CONNECT = "connect";

    ConverterSettings(Map<String, ?> originals) {
        super(definition(), originals, false);
    }

    static ConfigDef definition() {
        return new ConfigDef()
                .define(FIELD_NAMES, Type.STRING, SNAKE_CASE, ValidString.in(SNAKE_CASE, AVRO), Importance.MEDIUM,
                        "How fields are named in Connect: 'snake_case' (messageId becomes message_id, the usual spelling "
                                + "of SQL columns) or 'avro' (as the schema names them).")
                .define(NESTED_FORMAT, Type.STRING, JSON, ValidString.in(JSON, CONNECT), Importance.MEDIUM,
                        "How arrays, maps and nested records are given to the sink: 'json' (one text field holding JSON, "
                                + "which any table can store, e.g. deliveryAttempts and failedByReason) or 'connect' "
                                + "(Connect ARRAY/MAP/STRUCT, for sinks that store nested data such as object stores).")
                .define("schema.registry.url", Type.STRING, "", Importance.MEDIUM,
                        "Schema registry Relay's serde uses; empty: the schema ids shipped with Relay.");
    }

    FieldNaming fieldNaming() {
        return getString(FIELD_NAMES).equals(SNAKE_CASE) ? FieldNaming.SNAKE_CASE : FieldNaming.AS_IN_SCHEMA;
    }

    boolean nestedAsJson() {
        return getString(NESTED_FORMAT).equals(JSON);
    }
}

package io.relaysms.connect;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema.Field;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Translates Avro schemas and records into Connect schemas and Structs. Scalars map one to one (string and
 * enum to STRING, int to INT32, long to INT64, timestamp-millis/-micros to Timestamp, bytes and fixed to BYTES);
 * a union of null and one type is that type, optional. Arrays, maps, nested records and other unions become
 * JSON text ({@link NestedJson}) or, when asked, Connect ARRAY/MAP/STRUCT. Translated schemas are cached: a
 * topic has few schema versions.
 */
final class AvroToConnect {

    private final FieldNaming naming;
    private final boolean nestedAsJson;
    private final NestedJson json;
    private final Map<org.apache.avro.Schema, Schema> schemas = new ConcurrentHashMap<>();

    AvroToConnect(FieldNaming naming, boolean nestedAsJson) {
        this.naming = naming;
        this.nestedAsJson = nestedAsJson;
        this.json = new NestedJson(naming);
    }

    /** The Connect schema of a top-level Avro record schema. */
    Schema schemaOf(org.apache.avro.Schema record) {
        return schemas.computeIfAbsent(record, r -> recordSchema(r, false));
    }

    Struct structOf(GenericRecord record, Schema schema) {
        Struct struct = new Struct(schema);
        for (Field field : record.getSchema().getFields()) {
            String name = naming.apply(field.name());
            struct.put(name, value(record.get(field.pos()), field.schema(), schema.field(name).schema()));
        }
        return struct;
    }

    private Schema recordSchema(org.apache.avro.Schema record, boolean optional) {
        SchemaBuilder builder = SchemaBuilder.struct().name(record.getFullName());
        if (record.getDoc() != null) {
            builder.doc(record.getDoc());
        }
        for (Field field : record.getFields()) {
            builder.field(naming.apply(field.name()), fieldSchema(field.schema(), false));
        }
        return optional ? builder.optional().build() : builder.build();
    }

    private Schema fieldSchema(org.apache.avro.Schema avro, boolean optional) {
        org.apache.avro.Schema type = avro.getType() == org.apache.avro.Schema.Type.UNION ? nullableType(avro) : avro;
        if (type != avro && type != null) {
            return fieldSchema(type, true);
        }
        if (avro.getType() == org.apache.avro.Schema.Type.RECORD && !nestedAsJson) {
            return recordSchema(avro, optional);
        }
        LogicalType logical = avro.getLogicalType();
        SchemaBuilder builder;
        if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimestampMicros) {
            builder = Timestamp.builder();
        } else {
            builder = switch (avro.getType()) {
                case STRING, ENUM -> SchemaBuilder.string();
                case BOOLEAN -> SchemaBuilder.bool();
                case INT -> SchemaBuilder.int32();
                case LONG -> SchemaBuilder.int64();
                case FLOAT -> SchemaBuilder.float32();
                case DOUBLE -> SchemaBuilder.float64();
                case BYTES, FIXED -> SchemaBuilder.bytes();
                case ARRAY -> nestedAsJson ? SchemaBuilder.string() : SchemaBuilder.array(fieldSchema(avro.getElementType(), false));
                case MAP -> nestedAsJson ? SchemaBuilder.string()
                        : SchemaBuilder.map(Schema.STRING_SCHEMA, fieldSchema(avro.getValueType(), false));
                // A nested record (as JSON) or a union of several types (always JSON: no Connect equivalent).
                case RECORD, UNION -> SchemaBuilder.string();
                case NULL -> throw new DataException("a field of type null alone has no Connect equivalent");
            };
        }
        return optional ? builder.optional().build() : builder.build();
    }

    /** The non-null branch of a two-branch union with null, or null when the union is anything else. */
    static org.apache.avro.Schema nullableType(org.apache.avro.Schema union) {
        List<org.apache.avro.Schema> types = union.getTypes();
        if (types.size() != 2) {
            return null;
        }
        if (types.get(0).getType() == org.apache.avro.Schema.Type.NULL) {
            return types.get(1);
        }
        return types.get(1).getType() == org.apache.avro.Schema.Type.NULL ? types.get(0) : null;
    }

    private Object value(Object avroValue, org.apache.avro.Schema avro, Schema connect) {
        if (avroValue == null) {
            return null;
        }
        if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
            org.apache.avro.Schema single = nullableType(avro);
            if (single == null) {
                return json.render(avroValue, avro);
            }
            return value(avroValue, single, connect);
        }
        LogicalType logical = avro.getLogicalType();
        if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimestampMicros) {
            return timestamp(avroValue, logical instanceof LogicalTypes.TimestampMicros);
        }
        return switch (avro.getType()) {
            case STRING, ENUM -> avroValue.toString();
            case BYTES -> bytes((ByteBuffer) avroValue);
            case FIXED -> ((org.apache.avro.generic.GenericFixed) avroValue).bytes().clone();
            case ARRAY -> nestedAsJson ? json.render(avroValue, avro) : list((List<?>) avroValue, avro, connect);
            case MAP -> nestedAsJson ? json.render(avroValue, avro) : map((Map<?, ?>) avroValue, avro, connect);
            case RECORD -> nestedAsJson ? json.render(avroValue, avro) : structOf((GenericRecord) avroValue, connect);
            default -> avroValue; // boolean, int, long, float, double: the same Java types in both
        };
    }

    private List<Object> list(List<?> items, org.apache.avro.Schema avro, Schema connect) {
        List<Object> out = new ArrayList<>(items.size());
        items.forEach(item -> out.add(value(item, avro.getElementType(), connect.valueSchema())));
        return out;
    }

    private Map<String, Object> map(Map<?, ?> entries, org.apache.avro.Schema avro, Schema connect) {
        Map<String, Object> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> out.put(k.toString(), value(v, avro.getValueType(), connect.valueSchema())));
        return out;
    }

    /** Generated classes hand timestamps as Instant; generic records as the raw long. */
    private static Date timestamp(Object value, boolean micros) {
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        long raw = (Long) value;
        return new Date(micros ? Math.floorDiv(raw, 1000L) : raw);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}

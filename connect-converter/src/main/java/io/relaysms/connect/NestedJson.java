package io.relaysms.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.errors.DataException;

/**
 * Renders a nested Avro value as JSON text, for sinks whose columns hold scalars only: records become objects
 * (field names as {@link FieldNaming} spells columns), arrays become arrays, maps become objects with sorted keys
 * (so one value always renders the same text), timestamps become ISO-8601 UTC strings, bytes become base64.
 * Example: {@code deliveryAttempts} renders as
 * {@code [{"timestamp":"2026-01-02T03:04:05Z","segments_succeeded":1,"segments_failed":0}]}.
 */
final class NestedJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FieldNaming naming;

    NestedJson(FieldNaming naming) {
        this.naming = naming;
    }

    String render(Object value, Schema schema) {
        try {
            return MAPPER.writeValueAsString(plain(value, schema));
        } catch (JsonProcessingException e) {
            throw new DataException("cannot render a " + schema.getType() + " value as JSON: " + e.getMessage(), e);
        }
    }

    private Object plain(Object value, Schema schema) {
        if (value == null) {
            return null;
        }
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimestampMicros) {
            if (value instanceof Instant instant) {
                return instant.toString();
            }
            long raw = (Long) value;
            return (logical instanceof LogicalTypes.TimestampMicros
                    ? Instant.EPOCH.plusNanos(raw * 1000L) : Instant.ofEpochMilli(raw)).toString();
        }
        return switch (schema.getType()) {
            case UNION -> plain(value, branchOf(value, schema));
            case RECORD -> {
                GenericRecord record = (GenericRecord) value;
                Map<String, Object> object = new LinkedHashMap<>();
                for (Field field : schema.getFields()) {
                    object.put(naming.apply(field.name()), plain(record.get(field.pos()), field.schema()));
                }
                yield object;
            }
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                ((List<?>) value).forEach(item -> items.add(plain(item, schema.getElementType())));
                yield items;
            }
            case MAP -> {
                Map<String, Object> object = new TreeMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> object.put(k.toString(), plain(v, schema.getValueType())));
                yield object;
            }
            case STRING, ENUM -> value.toString();
            case BYTES -> {
                ByteBuffer copy = ((ByteBuffer) value).duplicate();
                byte[] bytes = new byte[copy.remaining()];
                copy.get(bytes);
                yield Base64.getEncoder().encodeToString(bytes);
            }
            case FIXED -> Base64.getEncoder().encodeToString(((GenericFixed) value).bytes());
            default -> value;
        };
    }

    /** The branch of a union that holds the value (Avro's own resolution, which knows generated classes). */
    private static Schema branchOf(Object value, Schema union) {
        Schema nullable = AvroToConnect.nullableType(union);
        if (nullable != null) {
            return nullable;
        }
        int index = org.apache.avro.specific.SpecificData.get().resolveUnion(union, value);
        return union.getTypes().get(index);
    }
}

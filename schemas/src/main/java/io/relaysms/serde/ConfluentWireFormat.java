package io.relaysms.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The Confluent wire format, so that Confluent, Apicurio and Karapace tooling reads and writes Relay's
 * topics: one magic byte 0, the schema id as a 4-byte big-endian integer, then the Avro binary encoding.
 */
final class ConfluentWireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write((schemaId >>> 24) & 0xFF);
        out.write((schemaId >>> 16) & 0xFF);
        out.write((schemaId >>> 8) & 0xFF);
        out.write(schemaId & 0xFF);
    }

    /** The schema id of framed bytes; refuses bytes that are too short or lack the magic byte. */
    static int readSchemaId(String topic, byte[] data) {
        if (data.length < HEADER_LENGTH) {
            throw new AvroDecodingException(topic, null,
                    "only " + data.length + " bytes, shorter than the 5-byte Confluent header (magic byte 0 + schema id)", null);
        }
        if (data[0] != MAGIC_BYTE) {
            throw new AvroDecodingException(topic, null,
                    String.format("first byte is 0x%02x, not the magic byte 0 of the Confluent wire format", data[0]), null);
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}

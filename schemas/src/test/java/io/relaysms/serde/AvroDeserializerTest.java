package io.relaysms.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.schemas.RequestOrigin;
import io.relaysms.schemas.SmsRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroDeserializerTest {

    private final ShippedSchemaIds shipped = ShippedSchemaIds.load();
    private final AvroDeserializer<SmsRequest> deserializer = new AvroDeserializer<>(SmsRequest.class, shipped);

    @Test
    void readsARequestWrittenWithVersionOneIntoTheCurrentClass() throws IOException {
        Schema v1 = shipped.schemaFor(1);
        GenericRecord old = new GenericData.Record(v1);
        old.put("messageId", "m-old");
        old.put("from", "+18005550100");
        old.put("to", "+15550000001");
        old.put("message", "written before v2");
        old.put("segmentCount", 1);
        old.put("encoding", new GenericData.EnumSymbol(v1.getField("encoding").schema(), "GSM7"));
        old.put("enableDeliveryReport", true);
        old.put("acceptedAt", 1_000L);
        old.put("validUntil", 2_000L);

        SmsRequest read = deserializer.deserialize("sms-requests", FramedBytes.frame(1, v1, old));

        assertThat(read.getMessageId()).isEqualTo("m-old");
        assertThat(read.getAcceptedAt()).isEqualTo(Instant.ofEpochMilli(1_000));
        assertThat(read.getOrigin()).isEqualTo(RequestOrigin.API);
        assertThat(read.getAutoReplyTo()).isNull();
    }

    @Test
    void refusesBytesWithoutTheMagicByteNamingTheTopic() {
        assertThatThrownBy(() -> deserializer.deserialize("sms-requests", "{\"json\":true}".getBytes()))
                .isInstanceOf(AvroDecodingException.class)
                .hasMessageContaining("topic 'sms-requests'")
                .hasMessageContaining("not the magic byte 0");
    }

    @Test
    void refusesBytesShorterThanTheHeader() {
        assertThatThrownBy(() -> deserializer.deserialize("sms-requests", new byte[] {0, 0}))
                .isInstanceOf(AvroDecodingException.class)
                .hasMessageContaining("shorter than the 5-byte Confluent header");
    }

    @Test
    void refusesAnUnknownSchemaIdNamingIt() {
        assertThatThrownBy(() -> deserializer.deserialize("sms-requests", new byte[] {0, 0, 0, 0x30, 0x39, 2, 'a'}))
                .isInstanceOfSatisfying(AvroDecodingException.class, e -> assertThat(e.schemaId()).isEqualTo(12345))
                .hasMessageContaining("schema id 12345")
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void refusesTruncatedAvroBytes() {
        byte[] full = AvroSerde.of(SmsRequest.class, Map.of()).serializer().serialize("sms-requests",
                io.relaysms.schemas.SampleRecords.smsRequest());

        assertThatThrownBy(() -> deserializer.deserialize("sms-requests", Arrays.copyOf(full, full.length / 2)))
                .isInstanceOf(AvroDecodingException.class)
                .hasMessageContaining("do not match the schema");
    }

    @Test
    void refusesTrailingGarbage() {
        byte[] full = AvroSerde.of(SmsRequest.class, Map.of()).serializer().serialize("sms-requests",
                io.relaysms.schemas.SampleRecords.smsRequest());

        assertThatThrownBy(() -> deserializer.deserialize("sms-requests", Arrays.copyOf(full, full.length + 3)))
                .isInstanceOf(AvroDecodingException.class)
                .hasMessageContaining("bytes left after the record");
    }
}

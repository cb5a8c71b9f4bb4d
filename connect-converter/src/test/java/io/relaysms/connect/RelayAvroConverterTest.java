package io.relaysms.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.schemas.DeliveryAttempt;
import io.relaysms.schemas.DeliveryReason;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DeliveryStatus;
import io.relaysms.schemas.UsageAggregate;
import io.relaysms.schemas.UsageWindow;
import io.relaysms.serde.AvroSerializer;
import io.relaysms.serde.ShippedSchemaIds;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.junit.jupiter.api.Test;

class RelayAvroConverterTest {

    private static final Instant DELIVERED = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant SUBMITTED = Instant.parse("2026-03-04T05:06:01Z");

    private final AvroSerializer<GenericContainer> serializer = new AvroSerializer<>(ShippedSchemaIds.load());

    private static RelayAvroConverter converter(Map<String, String> settings) {
        RelayAvroConverter converter = new RelayAvroConverter();
        converter.configure(settings, false);
        return converter;
    }

    private static DeliveryReport report() {
        return DeliveryReport.newBuilder()
                .setMessageId("Outgoing_20260304050601abc").setFrom("+18005550100").setTo("+447700900123")
                .setDeliveryStatus(DeliveryStatus.Delivered).setDeliveryStatusDetails("No error.")
                .setDeliveryAttempts(List.of(new DeliveryAttempt(DELIVERED, 2, 0)))
                .setReceivedTimestamp(DELIVERED).setTag("campaign-7").setReason(DeliveryReason.DELIVERED)
                .setSegmentCount(2).setSubmittedAt(SUBMITTED).build();
    }

    private static UsageAggregate usage() {
        return UsageAggregate.newBuilder()
                .setFrom("+18005550100").setCountry("GB").setWindow(UsageWindow.HOUR)
                .setWindowStart(Instant.parse("2026-03-04T05:00:00Z")).setWindowEnd(Instant.parse("2026-03-04T06:00:00Z"))
                .setRequests(10).setFailed(3).setFailedByReason(Map.of("RECEIPT_TIMEOUT", 1L, "CARRIER_UNDELIVERED", 2L))
                .setUpdatedAt(DELIVERED).build();
    }

    @Test
    void readsADeliveryReportIntoAStructWithSnakeCaseFieldsAndTimestamps() {
        SchemaAndValue read = converter(Map.of()).toConnectData("sms-delivery-reports", serializer.serialize("sms-delivery-reports", report()));

        Struct struct = (Struct) read.value();
        assertThat(read.schema().name()).isEqualTo("io.relaysms.schemas.DeliveryReport");
        assertThat(struct.getString("message_id")).isEqualTo("Outgoing_20260304050601abc");
        assertThat(struct.getString("delivery_status")).isEqualTo("Delivered");
        assertThat(struct.getString("reason")).isEqualTo("DELIVERED");
        assertThat(struct.getInt32("segment_count")).isEqualTo(2);
        assertThat(read.schema().field("received_timestamp").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(struct.get("received_timestamp")).isEqualTo(Date.from(DELIVERED));
        assertThat(struct.get("submitted_at")).isEqualTo(Date.from(SUBMITTED));
        assertThat(read.schema().field("carrier_id").schema().isOptional()).isTrue();
        assertThat(struct.get("carrier_id")).isNull();
    }

    @Test
    void rendersTheDeliveryAttemptsArrayAsJsonText() {
        Struct struct = (Struct) converter(Map.of()).toConnectData("r", serializer.serialize("r", report())).value();

        assertThat(struct.schema().field("delivery_attempts").schema().type()).isEqualTo(Schema.Type.STRING);
        assertThat(struct.getString("delivery_attempts"))
                .isEqualTo("[{\"timestamp\":\"2026-03-04T05:06:07.890Z\",\"segments_succeeded\":2,\"segments_failed\":0}]");
    }

    @Test
    void rendersAMapAsJsonWithSortedKeysAndLeavesAbsentPercentilesNull() {
        Struct struct = (Struct) converter(Map.of()).toConnectData("u", serializer.serialize("u", usage())).value();

        assertThat(struct.getString("failed_by_reason")).isEqualTo("{\"CARRIER_UNDELIVERED\":2,\"RECEIPT_TIMEOUT\":1}");
        assertThat(struct.getString("window")).isEqualTo("HOUR");
        assertThat(struct.getInt64("requests")).isEqualTo(10L);
        assertThat(struct.get("delivery_rate")).isNull();
        assertThat(struct.get("receipt_latency_p50_millis")).isNull();
    }

    @Test
    void readsARecordWrittenWithAnOlderSchemaVersionIntoTheCurrentFields() {
        org.apache.avro.Schema v1 = ShippedSchemaIds.load().schemaFor(1);
        GenericRecord old = new GenericData.Record(v1);
        old.put("messageId", "Outgoing_1");
        old.put("from", "+18005550100");
        old.put("to", "+15550112233");
        old.put("message", "hello");
        old.put("segmentCount", 1);
        old.put("encoding", new GenericData.EnumSymbol(v1.getField("encoding").schema(), "GSM7"));
        old.put("enableDeliveryReport", false);
        old.put("acceptedAt", 1_000L);
        old.put("validUntil", 2_000L);

        SchemaAndValue read = converter(Map.of()).toConnectData("sms-requests", serializer.serialize("sms-requests", old));

        Struct struct = (Struct) read.value();
        assertThat(struct.getString("origin")).isEqualTo("API");
        assertThat(struct.get("auto_reply_to")).isNull();
        assertThat(struct.get("accepted_at")).isEqualTo(new Date(1_000L));
    }

    @Test
    void keepsTheSchemaNamesAndNestedConnectTypesWhenAsked() {
        RelayAvroConverter converter = converter(Map.of("field.names", "avro", "nested.format", "connect"));

        Struct struct = (Struct) converter.toConnectData("r", serializer.serialize("r", report())).value();

        List<Struct> attempts = struct.getArray("deliveryAttempts");
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).getInt32("segmentsSucceeded")).isEqualTo(2);
        assertThat(attempts.get(0).get("timestamp")).isEqualTo(Date.from(DELIVERED));
        Struct usage = (Struct) converter.toConnectData("u", serializer.serialize("u", usage())).value();
        assertThat(usage.<String, Long>getMap("failedByReason")).containsEntry("RECEIPT_TIMEOUT", 1L);
    }

    @Test
    void readsATombstoneAsNull() {
        assertThat(converter(Map.of()).toConnectData("sms-usage-hourly", null)).isEqualTo(SchemaAndValue.NULL);
    }

    @Test
    void refusesBytesThatAreNotRelayAvroNamingTheTopic() {
        assertThatThrownBy(() -> converter(Map.of()).toConnectData("sms-inbound", "{\"json\":true}".getBytes()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("sms-inbound")
                .hasMessageContaining("magic byte");
    }

    @Test
    void refusesAnUnknownSchemaIdAndSaysWhereIdsComeFrom() {
        byte[] unknownId = {0, 0, 0, 0x7f, 0x7f, 2, 'x'};

        assertThatThrownBy(() -> converter(Map.of()).toConnectData("sms-inbound", unknownId))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void refusesToWriteBecauseItServesSinksOnly() {
        assertThatThrownBy(() -> converter(Map.of()).fromConnectData("sms-requests", Schema.STRING_SCHEMA, "x"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("only reads");
    }

    @Test
    void refusesAnUnknownNestedFormat() {
        assertThatThrownBy(() -> converter(Map.of("nested.format", "xml")))
                .hasMessageContaining("nested.format");
    }

    @Test
    void isFoundByConnectsServiceLoaderDiscovery() {
        assertThat(ServiceLoader.load(Converter.class).stream().map(ServiceLoader.Provider::type))
                .contains(RelayAvroConverter.class);
    }
}

package io.relaysms.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.schemas.SampleRecords;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroRoundTripTest {

    static Stream<SpecificRecord> samples() {
        return SampleRecords.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyRecordTypeReadsBackEqualThroughTheTypedSerde(SpecificRecord sample) {
        @SuppressWarnings("unchecked")
        Class<SpecificRecord> type = (Class<SpecificRecord>) sample.getClass();
        AvroSerde<SpecificRecord> serde = AvroSerde.of(type, Map.of());

        byte[] bytes = serde.serializer().serialize("any-topic", sample);

        assertThat(serde.deserializer().deserialize("any-topic", bytes)).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyRecordTypeReadsBackEqualThroughTheSerdesConfiguredByName(SpecificRecord sample) {
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(), false);
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of(), false);

        Object read = deserializer.deserialize("any-topic", serializer.serialize("any-topic", sample));

        assertThat(read).isInstanceOf(sample.getClass()).isEqualTo(sample);
    }

    @Test
    void oneSerializerWritesEveryRecordTypeInTurnAsAFreshSerializerWould() {
        AvroSerializer<SpecificRecord> shared = new AvroSerializer<>();
        shared.configure(Map.of(), false);
        List<SpecificRecord> interleaved = Stream.concat(SampleRecords.all().stream(), SampleRecords.all().stream()).toList();

        for (SpecificRecord sample : interleaved) {
            AvroSerializer<SpecificRecord> fresh = new AvroSerializer<>();
            fresh.configure(Map.of(), false);
            assertThat(shared.serialize("any-topic", sample)).as(sample.getSchema().getName())
                    .isEqualTo(fresh.serialize("any-topic", sample));
        }
    }
}

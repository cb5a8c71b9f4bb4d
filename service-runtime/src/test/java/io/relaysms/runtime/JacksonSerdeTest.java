package io.relaysms.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JacksonSerdeTest {

    private static final class MapSerde extends JacksonSerde<Map> {
        private final ObjectMapper mapper = new ObjectMapper();

        MapSerde() {
            super(Map.class);
        }

        @Override
        protected byte[] write(Map value) throws IOException {
            return mapper.writeValueAsBytes(value);
        }

        @Override
        protected Map read(byte[] bytes) throws IOException {
            return mapper.readValue(bytes, type());
        }
    }

    private final MapSerde serde = new MapSerde();

    @Test
    void passesTombstonesThroughBothWays() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void roundTripsThroughTheSubclassFormat() {
        byte[] bytes = serde.serializer().serialize("t", Map.of("a", 1));

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(Map.of("a", 1));
    }

    @Test
    void namesTheTypeAndTheTopicWhenARecordCannotBeRead() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("store-changelog", "{not json".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot read a Map from store-changelog: ")
                .hasCauseInstanceOf(IOException.class);
    }
}

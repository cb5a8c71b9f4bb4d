package io.relaysms.optout.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.optout.streams.JsonSerde;
import io.relaysms.optout.usage.UsageEvent.Kind;
import java.util.Arrays;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class UsageTallySerdeTest {

    private final UsageTallySerde serde = new UsageTallySerde();

    /** A tally with every counter, two failure reasons and a sketch of about 250 bins. */
    private static UsageTally busyTally() {
        Random random = new Random(7);
        UsageTally tally = UsageTally.empty();
        long now = 1_795_000_000_000L;
        for (int i = 0; i < 5_000; i++) {
            tally = tally.add(new UsageEvent("+18005550100", "US", Kind.REQUEST, 1 + random.nextInt(3), null, null), now + i);
            tally = tally.add(UsageEvent.of("+18005550100", "US", Kind.SUBMITTED), now + i);
            if (i % 10 == 0) {
                tally = tally.add(new UsageEvent("+18005550100", "US", Kind.FAILED, 0, i % 20 == 0 ? "UNDELIVERABLE" : "EXPIRED",
                        null), now + i);
            } else {
                tally = tally.add(new UsageEvent("+18005550100", "US", Kind.DELIVERED, 0, null,
                        (long) random.nextInt(120_000)), now + i);
            }
        }
        for (Kind kind : new Kind[] {Kind.EXPIRED, Kind.BLOCKED_BY_OPT_OUT, Kind.INBOUND, Kind.OPT_OUT, Kind.OPT_IN}) {
            tally = tally.add(UsageEvent.of("+18005550100", "US", kind), now);
        }
        return tally;
    }

    @Test
    void readsBackWhatItWrote() {
        UsageTally tally = busyTally();
        assertThat(tally.latency().bins().size()).isGreaterThan(200);

        UsageTally read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", tally));

        assertThat(read).isEqualTo(tally);
        assertThat(read.latency().quantile(0.99)).isEqualTo(tally.latency().quantile(0.99));
    }

    @Test
    void isAFractionOfTheJsonSize() {
        UsageTally tally = busyTally();
        byte[] binary = serde.serializer().serialize("t", tally);
        byte[] json = new JsonSerde<>(UsageTally.class).serializer().serialize("t", tally);
        assertThat(binary.length).isLessThan(json.length / 3);
    }

    @Test
    void readsTalliesThatEarlierVersionsStoredAsJson() {
        UsageTally tally = busyTally();
        byte[] json = new JsonSerde<>(UsageTally.class).serializer().serialize("t", tally);

        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(tally);
    }

    @Test
    void emptyTallyAndNull() {
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", UsageTally.empty())))
                .isEqualTo(UsageTally.empty());
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void refusesTruncatedUnknownAndTrailingBytesClearly() {
        byte[] bytes = serde.serializer().serialize("t", busyTally());

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("ends early");
        byte[] newer = bytes.clone();
        newer[0] = 9;
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", newer))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown usage tally format 9");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("left after the tally");
    }
}

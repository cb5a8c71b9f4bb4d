package io.relaysms.optout.usage;

import io.relaysms.optout.streams.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The window stores' {@link UsageTally} in a compact binary form. Every usage event reads its window's tally from the
 * store and writes it back (hour and day), and a tally carries its latency sketch, a few hundred bins once receipts
 * vary: as JSON, parsing and printing those maps was the largest part of the opt-out processor's CPU under load (JFR,
 * end-to-end benchmark). Here a tally is a version byte, then variable-length integers: the counters, the failure
 * reasons, the sketch's bins as deltas of their indexes.
 *
 * <p>Stores and changelogs written by earlier versions hold JSON; a JSON tally starts with '{', which is not a version
 * byte, so it is still read (and is written back in the binary form on its next update).
 */
public final class UsageTallySerde implements Serde<UsageTally> {

    private static final byte VERSION_1 = 1;
    private static final int MAX_VARINT = 10;
    private final JsonSerde<UsageTally> earlierJson = new JsonSerde<>(UsageTally.class);

    @Override
    public Serializer<UsageTally> serializer() {
        return (topic, tally) -> tally == null ? null : write(tally);
    }

    @Override
    public Deserializer<UsageTally> deserializer() {
        Deserializer<UsageTally> json = earlierJson.deserializer();
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return json.deserialize(topic, bytes);
            }
            try {
                return read(bytes);
            } catch (RuntimeException e) {
                throw new SerializationException("cannot read a usage tally from " + topic + ": " + e.getMessage(), e);
            }
        };
    }

    static byte[] write(UsageTally tally) {
        LatencySketch latency = tally.latency();
        Output out = new Output(maxLength(tally));
        out.write(VERSION_1);
        out.varLong(tally.requests());
        out.varLong(tally.segments());
        out.varLong(tally.submitted());
        out.varLong(tally.delivered());
        out.varLong(tally.failed());
        out.varLong(tally.expired());
        out.varLong(tally.blockedByOptOut());
        out.varLong(tally.inbound());
        out.varLong(tally.optOuts());
        out.varLong(tally.optIns());
        out.varLong(tally.updatedAt());
        out.varLong(tally.failedByReason().size());
        for (Map.Entry<String, Long> reason : tally.failedByReason().entrySet()) {
            byte[] name = reason.getKey().getBytes(StandardCharsets.UTF_8);
            out.varLong(name.length);
            out.write(name);
            out.varLong(reason.getValue());
        }
        out.varLong(latency.count());
        out.varLong(latency.binsUsed());
        int previous = 0;
        // Ascending indexes, so each delta is small and non-negative.
        for (int i = 0; i < latency.binsUsed(); i++) {
            out.varLong(latency.binIndex(i) - (long) previous);
            out.varLong(latency.binTotal(i));
            previous = latency.binIndex(i);
        }
        return out.toByteArray();
    }

    /** An upper bound of the written length (a varint takes at most 10 bytes), so the buffer never grows. */
    private static int maxLength(UsageTally tally) {
        int length = 1 + 14 * MAX_VARINT + 2 * MAX_VARINT * tally.latency().binsUsed();
        for (String reason : tally.failedByReason().keySet()) {
            length += 2 * MAX_VARINT + 3 * reason.length();
        }
        return length;
    }

    static UsageTally read(byte[] bytes) {
        Input in = new Input(bytes);
        byte version = in.next();
        if (version != VERSION_1) {
            throw new IllegalArgumentException("unknown usage tally format " + version + " (written by a newer version?)");
        }
        long requests = in.varLong();
        long segments = in.varLong();
        long submitted = in.varLong();
        long delivered = in.varLong();
        long failed = in.varLong();
        long expired = in.varLong();
        long blocked = in.varLong();
        long inbound = in.varLong();
        long optOuts = in.varLong();
        long optIns = in.varLong();
        long updatedAt = in.varLong();
        Map<String, Long> reasons = new TreeMap<>();
        for (long i = in.count(); i > 0; i--) {
            int length = in.count();
            String name = new String(bytes, in.take(length), length, StandardCharsets.UTF_8);
            reasons.put(name, in.varLong());
        }
        long latencyCount = in.varLong();
        int binsUsed = in.count();
        int[] indexes = new int[binsUsed];
        long[] counts = new long[binsUsed];
        int index = 0;
        for (int i = 0; i < binsUsed; i++) {
            index = Math.toIntExact(index + in.varLong());
            indexes[i] = index;
            counts[i] = in.varLong();
        }
        if (in.position != bytes.length) {
            throw new IllegalArgumentException((bytes.length - in.position) + " bytes left after the tally");
        }
        return new UsageTally(requests, segments, submitted, delivered, failed, reasons, expired, blocked, inbound,
                optOuts, optIns, LatencySketch.ofSortedBins(indexes, counts, latencyCount), updatedAt);
    }

    /** Unsigned LEB128: every value written here is a count, a time in epoch milliseconds or a forward delta. */
    private static final class Output {
        private final byte[] bytes;
        private int position;

        Output(int capacity) {
            bytes = new byte[capacity];
        }

        void write(byte b) {
            bytes[position++] = b;
        }

        void write(byte[] b) {
            System.arraycopy(b, 0, bytes, position, b.length);
            position += b.length;
        }

        void varLong(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("a usage tally holds no negative numbers: " + value);
            }
            while ((value & ~0x7FL) != 0) {
                bytes[position++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[position++] = (byte) value;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, position);
        }
    }

    private static final class Input {
        final byte[] bytes;
        int position;

        Input(byte[] bytes) {
            this.bytes = bytes;
        }

        byte next() {
            if (position >= bytes.length) {
                throw new IllegalArgumentException("the tally ends early, at byte " + position);
            }
            return bytes[position++];
        }

        long varLong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = next();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a number longer than 64 bits at byte " + position);
        }

        int count() {
            long value = varLong();
            if (value > bytes.length) {
                throw new IllegalArgumentException("a count of " + value + " in a tally of " + bytes.length + " bytes");
            }
            return (int) value;
        }

        int take(int length) {
            int start = position;
            if (length > bytes.length - position) {
                throw new IllegalArgumentException("the tally ends early, at byte " + position);
            }
            position += length;
            return start;
        }
    }
}

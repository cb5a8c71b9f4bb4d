package io.relaysms.optout.autoreply;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The times of the automatic replies sent to each pair, in a key-value store keyed by {@code <from>|<to>}. Each
 * write drops the pair's times older than the retention, so a pair never holds more than {@link LoopGuard} needs, and
 * {@link #forgetPairsExpiredAt} removes pairs whose last reply is older than that (the opt-out processor sweeps hourly), so
 * the store holds the pairs answered within the retention only, as a window store would. It is changelogged, so the
 * guard survives a restart.
 *
 * <p>A key-value store rather than a window store because it shares its task with the opt-out state: Kafka Streams
 * 4.4 under exactly-once resumes key-value RocksDB stores from a clean stop, but finds no checkpoint for window stores
 * and wipes and restores their whole task, opt-out state included.
 */
public final class ReplyHistory {

    /** Named apart from the window store of earlier versions, whose changelog has another format. */
    public static final String STORE = "optout-reply-times";

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Serde<List<Long>> TIMES = (Serde) Serdes.ListSerde(ArrayList.class, Serdes.Long());

    private final KeyValueStore<String, List<Long>> store;
    private final long retentionMillis;

    public ReplyHistory(KeyValueStore<String, List<Long>> store, AutoReplySettings settings) {
        this.store = store;
        this.retentionMillis = settings.historyRetention().toMillis();
    }

    public static StoreBuilder<KeyValueStore<String, List<Long>>> storeBuilder() {
        return storeBuilder(Stores.persistentKeyValueStore(STORE));
    }

    static StoreBuilder<KeyValueStore<String, List<Long>>> storeBuilder(KeyValueBytesStoreSupplier supplier) {
        return Stores.keyValueStoreBuilder(supplier, Serdes.String(), TIMES);
    }

    /** When replies went to the pair in the {@code lookbackMillis} up to {@code time}. */
    public List<Long> repliesBefore(String pairKey, long time, long lookbackMillis) {
        return times(pairKey).stream().filter(t -> t >= time - lookbackMillis && t <= time).toList();
    }

    public void record(String pairKey, long time) {
        List<Long> times = new ArrayList<>(times(pairKey));
        times.add(time);
        long newest = times.stream().mapToLong(Long::longValue).max().orElse(time);
        times.removeIf(t -> t < newest - retentionMillis);
        times.sort(null);
        store.put(pairKey, times);
    }

    /** Deletes the pairs whose newest reply is older than the retention at {@code time}; returns how many. */
    public int forgetPairsExpiredAt(long time) {
        long cutOff = time - retentionMillis;
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, List<Long>> pairs = store.all()) {
            while (pairs.hasNext()) {
                KeyValue<String, List<Long>> pair = pairs.next();
                if (pair.value.stream().allMatch(t -> t < cutOff)) {
                    expired.add(pair.key);
                }
            }
        }
        expired.forEach(store::delete);
        return expired.size();
    }

    private List<Long> times(String pairKey) {
        List<Long> times = store.get(pairKey);
        return times == null ? List.of() : times;
    }
}

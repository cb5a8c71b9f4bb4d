package io.relaysms.tracker.streams;

import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Where the tracker's state stores keep their data between commits; both are changelogged, so neither loses anything
 * on a restart. {@code rocksdb} (the default) holds state larger than memory (pending messages and a week of
 * timelines) and restores only what changed since its last checkpoint, but Kafka Streams flushes it to disk at every
 * commit. {@code in-memory} avoids those flushes and restores everything from the changelogs at start-up: for
 * deployments whose state fits in the heap.
 */
public enum StoreKind {
    ROCKSDB, IN_MEMORY;

    public static Optional<StoreKind> parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (StoreKind kind : values()) {
            if (kind.name().equals(t)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * A changelogged store of this kind with a cache in front: writes to one key between two commits (a message's
     * dispatch event and its receipts, a deadline added and removed) reach the store and the changelog once.
     */
    public <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return builder(name, values).withCachingEnabled();
    }

    /**
     * A changelogged store of this kind without a cache, for keys written once and changed only much later (a
     * submission's match keys, an expiry time): a cache could merge nothing there, and under load it only added its
     * bookkeeping and flushes of dirty entries on eviction to every write (a fifth of the matcher's CPU in a profile).
     */
    public <V> StoreBuilder<KeyValueStore<String, V>> uncachedStore(String name, Serde<V> values) {
        return builder(name, values).withCachingDisabled();
    }

    private <V> StoreBuilder<KeyValueStore<String, V>> builder(String name, Serde<V> values) {
        KeyValueBytesStoreSupplier supplier = this == ROCKSDB ? Stores.persistentKeyValueStore(name) : Stores.inMemoryKeyValueStore(name);
        return Stores.keyValueStoreBuilder(supplier, Serdes.String(), values);
    }
}

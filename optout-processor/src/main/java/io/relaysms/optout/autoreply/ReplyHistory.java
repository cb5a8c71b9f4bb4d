package io.relaysms.optout.autoreply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The automatic replies sent to each pair, as a window store keyed by {@code <from>|<to>} holding one entry
 * (the reply's messageId) at each reply's time. The store keeps duplicates and drops entries older than the
 * retention on its own, so history never grows past what {@link LoopGuard} needs; it is changelogged, so the
 * guard survives a restart.
 */
public final class ReplyHistory {

    public static final String STORE = "optout-reply-history";

    private final WindowStore<String, String> store;

    public ReplyHistory(WindowStore<String, String> store) {
        this.store = store;
    }

    public static StoreBuilder<WindowStore<String, String>> storeBuilder(AutoReplySettings settings) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(STORE, settings.historyRetention(), Duration.ofMillis(1), true),
                Serdes.String(), Serdes.String());
    }

    /** When replies went to the pair in the {@code lookbackMillis} up to {@code time}. */
    public List<Long> repliesBefore(String pairKey, long time, long lookbackMillis) {
        List<Long> times = new ArrayList<>();
        try (WindowStoreIterator<String> entries = store.fetch(pairKey, time - lookbackMillis, time)) {
            while (entries.hasNext()) {
                KeyValue<Long, String> entry = entries.next();
                times.add(entry.key);
            }
        }
        return times;
    }

    public void record(String pairKey, String replyMessageId, long time) {
        store.put(pairKey, replyMessageId, time);
    }
}

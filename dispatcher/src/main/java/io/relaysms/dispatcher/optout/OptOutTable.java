package io.relaysms.dispatcher.optout;

import io.relaysms.schemas.OptOutState;
import io.relaysms.topics.TopicKeys;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole {@code sms-optouts} table, held in memory: the pairs (sender, recipient) whose latest state says
 * opted out. Only opted-out pairs are kept, so memory grows with opt-outs, not with traffic. Thread-safe: the
 * follower writes, dispatch threads read.
 */
public final class OptOutTable {

    private final Set<String> optedOut = ConcurrentHashMap.newKeySet();

    public boolean isOptedOut(String from, String to) {
        return !optedOut.isEmpty() && optedOut.contains(TopicKeys.optOut(from, to));
    }

    /** Applies the latest record for a key; a null value (tombstone) clears it. */
    public void apply(String key, OptOutState state) {
        if (state == null || !state.getOptedOut()) {
            optedOut.remove(key);
        } else {
            optedOut.add(key);
        }
    }

    public int size() {
        return optedOut.size();
    }
}

package io.relaysms.dispatcher.offsets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messageIds this worker has finished (or learnt were finished), the most recent {@code capacity} of them:
 * a request that arrives again with the same messageId (an API retry that two instances both accepted, a
 * producer that wrote twice) is recognised and not sent again. Used by the dispatch loop's thread only.
 */
public final class RecentMessageIds {

    private final Map<String, Boolean> ids;

    public RecentMessageIds(int capacity) {
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    public void add(String messageId) {
        ids.put(messageId, Boolean.TRUE);
    }

    public boolean contains(String messageId) {
        return ids.containsKey(messageId);
    }

    public int size() {
        return ids.size();
    }
}

package io.relaysms.optout.query;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;

/**
 * The running Streams application as the HTTP handlers see it. The HTTP server starts first (its port is the
 * application's {@code application.server}), so until the application is attached, and while a store is not
 * queryable (rebalancing, restoring), queries answer 503 with Retry-After rather than failing.
 */
public final class StreamsAccess {

    private final AtomicReference<KafkaStreams> streams = new AtomicReference<>();
    private final AtomicReference<HostInfo> self = new AtomicReference<>();

    public void attach(KafkaStreams running, HostInfo thisInstance) {
        self.set(thisInstance);
        streams.set(running);
    }

    KafkaStreams streams() {
        KafkaStreams running = streams.get();
        if (running == null) {
            throw HttpError.unavailable("the opt-out processor is starting");
        }
        return running;
    }

    /** Where a key's store lives: null when it is this instance. */
    HostInfo remoteOwner(KeyQueryMetadata metadata) {
        if (metadata == null || metadata == KeyQueryMetadata.NOT_AVAILABLE) {
            throw HttpError.unavailable("the owner of this key is not known yet (the application is rebalancing)");
        }
        HostInfo owner = metadata.activeHost();
        return owner.equals(self.get()) ? null : owner;
    }

    <T> T store(String name, QueryableStoreType<T> type) {
        try {
            return streams().store(StoreQueryParameters.fromNameAndType(name, type));
        } catch (InvalidStateStoreException e) {
            throw HttpError.unavailable("store " + name + " is not queryable right now: " + e.getMessage());
        }
    }
}

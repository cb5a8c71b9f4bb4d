package io.relaysms.tracker.query;

import io.relaysms.tracker.reports.DeliveryReportTopology;
import io.relaysms.tracker.reports.MessageTrack;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Finds a message's track with interactive queries on the {@code messages} store. Streams metadata says which
 * instance hosts the key's partition (each instance advertises its query API as {@code application.server}): this
 * instance reads its own store, or names the instance to forward the query to.
 */
public final class MessageLocator {

    /** Where a message's track is. */
    public sealed interface Location {
        /** Hosted here: the track, or empty when the message is unknown. */
        record Here(Optional<MessageTrack> track) implements Location {
        }

        /** Hosted by another instance, whose query API answers for it. */
        record Elsewhere(HostInfo host) implements Location {
        }
    }

    private final KafkaStreams streams;
    private final HostInfo self;

    public MessageLocator(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    Location locate(String messageId) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(DeliveryReportTopology.MESSAGES_STORE, messageId, Serdes.String().serializer());
        } catch (IllegalStateException e) {
            throw new QueryUnavailableException("the delivery tracker is not running: " + e.getMessage(), e);
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new QueryUnavailableException("no instance hosts the message's partition right now (rebalancing)");
        }
        if (!self.equals(metadata.activeHost())) {
            return new Location.Elsewhere(metadata.activeHost());
        }
        try {
            ReadOnlyKeyValueStore<String, MessageTrack> store = streams.store(StoreQueryParameters.fromNameAndType(
                    DeliveryReportTopology.MESSAGES_STORE, QueryableStoreTypes.<String, MessageTrack>keyValueStore())
                    .withPartition(metadata.partition()));
            return new Location.Here(Optional.ofNullable(store.get(messageId)));
        } catch (InvalidStateStoreException e) {
            throw new QueryUnavailableException("the message store is being restored or moved: " + e.getMessage(), e);
        }
    }
}

package io.relaysms.optout.query;

import io.relaysms.config.numbers.SenderAddress;
import io.relaysms.optout.state.OptOutPair;
import io.relaysms.optout.state.OptOutTopology;
import io.relaysms.schemas.OptOutState;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * {@code GET /optouts/{from}/{to}}: whether a recipient is opted out of a sender, from the
 * {@value OptOutTopology#STATE_STORE} store. Numbers may be given in any spelling (a '+' in a path needs no
 * escaping; {@code %2B} works too); they are canonicalised as the state is keyed. A pair held by another instance
 * is answered with a 307 to that instance.
 */
final class OptOutQueryHandler implements QueryHandler {

    private final StreamsAccess access;

    OptOutQueryHandler(StreamsAccess access) {
        this.access = access;
    }

    @Override
    public HttpReply handle(URI uri, List<String> segments, Map<String, String> query) {
        if (segments.size() != 2) {
            throw HttpError.badRequest("expected /optouts/{from}/{to}, e.g. /optouts/+18005550100/+12025550143");
        }
        SenderAddress.Parsed sender = SenderAddress.sender(segments.get(0));
        if (!sender.isValid()) {
            throw HttpError.badRequest("from: " + sender.problem());
        }
        OptOutPair pair = OptOutPair.of(segments.get(0), segments.get(1));
        if (!SenderAddress.e164(pair.recipient()).isValid()) {
            throw HttpError.badRequest("to: " + SenderAddress.e164(segments.get(1)).problem());
        }
        HostInfo owner = access.remoteOwner(access.streams().queryMetadataForKey(OptOutTopology.STATE_STORE, pair.key(),
                Serdes.String().serializer()));
        if (owner != null) {
            return HttpReply.redirect("http://" + owner.host() + ":" + owner.port() + uri.getRawPath());
        }
        ReadOnlyKeyValueStore<String, ValueAndTimestamp<OptOutState>> store =
                access.store(OptOutTopology.STATE_STORE, QueryableStoreTypes.timestampedKeyValueStore());
        return HttpReply.json(200, QueryJson.optOut(pair, store.get(pair.key())));
    }
}

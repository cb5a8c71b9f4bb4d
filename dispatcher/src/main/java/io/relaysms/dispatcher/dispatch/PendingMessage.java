package io.relaysms.dispatcher.dispatch;

import io.relaysms.dispatcher.offsets.PartitionProgress;
import io.relaysms.dispatcher.routing.Route;
import io.relaysms.dispatcher.segment.SegmentedMessage;
import io.relaysms.schemas.SmsRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * One request between being read and being finished: where it came from (partition, offset, and the progress
 * object of the ownership it was read under, so that an answer arriving after the partition moved to another
 * worker is recognised and dropped), its route and parts, and how far its attempts got. Owned by the dispatch
 * loop's thread, handed to one submit thread at a time.
 */
final class PendingMessage {

    final SmsRequest request;
    final int partition;
    final long offset;
    final PartitionProgress progress;
    final Route route;
    final SegmentedMessage segments;
    final List<String> acceptedIds = new ArrayList<>();
    final long validUntilMillis;
    int attempt;
    long notBeforeNanos;

    PendingMessage(SmsRequest request, int partition, long offset, PartitionProgress progress, Route route,
                   SegmentedMessage segments, int attemptsSoFar) {
        this.request = request;
        this.partition = partition;
        this.offset = offset;
        this.progress = progress;
        this.route = route;
        this.segments = segments;
        this.attempt = attemptsSoFar;
        this.validUntilMillis = request.getValidUntil().toEpochMilli();
    }

    String from() {
        return request.getFrom();
    }

    boolean expiredAt(long nowMillis) {
        return nowMillis >= validUntilMillis;
    }
}

package io.relaysms.api.repeat;

import io.relaysms.api.kafka.TopicFollower;
import io.relaysms.schemas.RequestOrigin;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Fills {@link RecentRequests} from the committed records of {@code sms-requests} that any API instance accepted
 * with a repeatability id, starting one repeatability window (plus the allowed clock skew) back. This is what lets an
 * instance recognise, after a restart or for a sibling instance, that it has already accepted a retried message.
 */
public final class SmsRequestsFollower {

    private SmsRequestsFollower() {
    }

    public static TopicFollower<SmsRequest> start(Topic<String, SmsRequest> topic, Properties consumerProperties,
                                                  RecentRequests table, Duration lookBack, Clock clock, Duration readyTimeout) {
        return TopicFollower.start("relay-api-repeatability", consumerProperties, topic,
                Optional.of(clock.instant().minus(lookBack)), (key, request) -> remember(table, request), readyTimeout);
    }

    private static void remember(RecentRequests table, SmsRequest request) {
        if (request == null || request.getOrigin() != RequestOrigin.API || request.getRepeatabilityRequestId() == null
                || request.getRepeatabilityFirstSent() == null) {
            return;
        }
        RepeatabilityKey key = RepeatabilityKey.of(request.getFrom(), request.getTo(), request.getRepeatabilityRequestId());
        long fingerprint = RequestFingerprint.of(RequestFingerprint.ofMessage(request.getMessage()),
                request.getRepeatabilityFirstSent());
        table.remember(key, fingerprint, request.getRepeatabilityFirstSent());
    }
}

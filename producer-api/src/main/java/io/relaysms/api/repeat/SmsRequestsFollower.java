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
        Remembering remembering = new Remembering(table);
        return TopicFollower.start("relay-api-repeatability", consumerProperties, topic,
                Optional.of(clock.instant().minus(lookBack)), (key, request) -> remembering.accept(request), readyTimeout);
    }

    /** Runs on the follower's thread only; remembers the last text's fingerprint (a bulk request repeats it). */
    private static final class Remembering {
        private final RecentRequests table;
        private String lastMessage;
        private long lastMessageFingerprint;

        Remembering(RecentRequests table) {
            this.table = table;
        }

        void accept(SmsRequest request) {
            if (request == null || request.getOrigin() != RequestOrigin.API || request.getRepeatabilityRequestId() == null
                    || request.getRepeatabilityFirstSent() == null) {
                return;
            }
            if (!request.getMessage().equals(lastMessage)) {
                lastMessage = request.getMessage();
                lastMessageFingerprint = RequestFingerprint.ofMessage(lastMessage);
            }
            RepeatabilityKey key = RepeatabilityKey.of(request.getFrom(), request.getTo(), request.getRepeatabilityRequestId());
            table.remember(key, RequestFingerprint.of(lastMessageFingerprint, request.getRepeatabilityFirstSent()),
                    request.getRepeatabilityFirstSent());
        }
    }
}

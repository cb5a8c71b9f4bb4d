package io.relaysms.optout.autoreply;

import io.relaysms.config.ServiceConfig;
import java.time.Duration;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * How automatic replies are bounded: the loop guard (see {@link LoopGuard}) and how long a reply stays worth
 * sending.
 *
 * @param loopWindow  an inbound this soon after our last auto-reply to the same pair is taken for an answer
 *                    to that reply and not answered
 * @param maxPerPair  at most this many auto-replies to one pair per {@code period}
 * @param period      the period of {@code maxPerPair}
 * @param validity    a reply not sent within this time after it was decided is dropped by the dispatcher
 *                    (SmsRequest.validUntil): a confirmation hours late is noise
 */
public record AutoReplySettings(Duration loopWindow, int maxPerPair, Duration period, Duration validity) {

    public static final String LOOP_WINDOW = "optout.replies.loop-window.ms";
    public static final String MAX_PER_PAIR = "optout.replies.max-per-pair";
    public static final String PERIOD = "optout.replies.max-per-pair.period.ms";
    public static final String VALIDITY = "optout.replies.validity.ms";

    public static ConfigDef define(ConfigDef definition) {
        return definition
                .define(LOOP_WINDOW, Type.LONG, 15_000L, Range.atLeast(0), Importance.MEDIUM,
                        "An inbound from a recipient within this many milliseconds of our last automatic reply to it is "
                                + "taken for a machine answering our reply and gets no answer (its keyword still applies).")
                .define(MAX_PER_PAIR, Type.INT, 5, Range.atLeast(0), Importance.MEDIUM,
                        "At most this many automatic replies from one number to one recipient per period.")
                .define(PERIOD, Type.LONG, Duration.ofDays(1).toMillis(), Range.atLeast(1), Importance.LOW,
                        "The period of " + MAX_PER_PAIR + ", in milliseconds.")
                .define(VALIDITY, Type.LONG, Duration.ofHours(1).toMillis(), Range.atLeast(1_000), Importance.LOW,
                        "How long an automatic reply may wait to be sent, in milliseconds, before the dispatcher drops it.");
    }

    public static AutoReplySettings from(ServiceConfig config) {
        return new AutoReplySettings(Duration.ofMillis(config.getLong(LOOP_WINDOW)), config.getInt(MAX_PER_PAIR),
                Duration.ofMillis(config.getLong(PERIOD)), Duration.ofMillis(config.getLong(VALIDITY)));
    }

    /** How long reply history must be kept to judge both rules. */
    public Duration historyRetention() {
        return (loopWindow.compareTo(period) > 0 ? loopWindow : period).plusMinutes(1);
    }
}

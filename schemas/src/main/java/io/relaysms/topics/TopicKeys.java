package io.relaysms.topics;

import java.time.Instant;

/**
 * How composite keys are spelled, in one place, so that producers outside Relay can write them too. The
 * separator '|' appears in no E.164 number, short code, alphanumeric sender id or carrier id.
 */
public final class TopicKeys {

    public static final String SEPARATOR = "|";

    private TopicKeys() {
    }

    /** sms-optouts and sms-optout-commands: {@code <from>|<to>}. */
    public static String optOut(String from, String to) {
        return from + SEPARATOR + to;
    }

    /** carrier-receipts: {@code <carrierId>|<carrierMessageId as received>}. */
    public static String receipt(String carrierId, String carrierMessageId) {
        return carrierId + SEPARATOR + carrierMessageId;
    }

    /** sms-usage-*: {@code <from>|<country>|<window start, ISO-8601 UTC>}. */
    public static String usage(String from, String country, Instant windowStart) {
        return from + SEPARATOR + country + SEPARATOR + windowStart;
    }
}

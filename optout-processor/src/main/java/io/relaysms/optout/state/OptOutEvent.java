package io.relaysms.optout.state;

import io.relaysms.optout.keywords.KeywordKind;
import io.relaysms.optout.keywords.KeywordMatch;
import io.relaysms.schemas.OptOutSource;

/**
 * One request about a pair, from a keyword in an inbound message or from an API command, on its way to the
 * pair's state (through the {@code optout-events} repartition topic, as JSON: it is internal to this app).
 *
 * @param kind       opt out, opt in, or (keywords only) help
 * @param keyword    the keyword as configured, for keyword events
 * @param causeId    the inbound messageId or the API commandId
 * @param occurredAt the inbound's receivedTimestamp or the command's requestedAt: the order in which events apply
 */
public record OptOutEvent(
        String sender,
        String recipient,
        String country,
        KeywordKind kind,
        OptOutSource source,
        String keyword,
        String causeId,
        long occurredAt) {

    public String pairKey() {
        return new OptOutPair(sender, recipient).key();
    }

    public KeywordMatch keywordMatch() {
        return new KeywordMatch(kind, keyword);
    }
}

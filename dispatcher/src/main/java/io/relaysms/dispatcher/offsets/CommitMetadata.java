package io.relaysms.dispatcher.offsets;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a worker writes next to each committed offset of {@code sms-requests} (the offset commit's metadata
 * string, at most a few dozen bytes): {@code eventsFrom}, an offset of the same partition of
 * {@code sms-dispatch-events} before which no event concerns a request at or after the committed offset, and
 * {@code readUpTo}, how far the worker had read. A worker taking the partition over reads the events from
 * {@code eventsFrom} to learn which later requests are already done.
 */
public record CommitMetadata(long eventsFrom, long readUpTo) {

    private static final Pattern FORMAT = Pattern.compile("relay1;events=(\\d+);read=(\\d+)");

    public String encode() {
        return "relay1;events=" + eventsFrom + ";read=" + readUpTo;
    }

    /** Empty when the commit was made by something else (a tool, an older version). */
    public static Optional<CommitMetadata> decode(String metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(metadata);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CommitMetadata(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
    }
}

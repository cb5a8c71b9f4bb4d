package io.relaysms.optout.query;

import io.relaysms.config.numbers.SenderAddress;
import io.relaysms.optout.usage.SenderPartitioner;
import io.relaysms.optout.usage.UsageAggregates;
import io.relaysms.optout.usage.UsageTally;
import io.relaysms.optout.usage.UsageTopology;
import io.relaysms.schemas.UsageAggregate;
import io.relaysms.schemas.UsageWindow;
import io.relaysms.topics.TopicKeys;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * {@code GET /usage/{from}?window=hour|day&from=<ISO-8601>&to=<ISO-8601>&country=<ISO 3166>}: a sending number's
 * usage aggregates whose window starts within [from, to], every country or one, oldest first. Defaults: hourly
 * windows of the last 24 hours, daily ones of the last 31 days. A number held by another instance is answered
 * with a 307 to that instance.
 */
final class UsageQueryHandler implements QueryHandler {

    private final StreamsAccess access;
    private final Clock clock;

    UsageQueryHandler(StreamsAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    public HttpReply handle(URI uri, List<String> segments, Map<String, String> query) {
        if (segments.size() != 1) {
            throw HttpError.badRequest("expected /usage/{from}?window=hour|day&from=...&to=...");
        }
        SenderAddress.Parsed parsed = SenderAddress.sender(segments.get(0));
        if (!parsed.isValid()) {
            throw HttpError.badRequest("from: " + parsed.problem());
        }
        String sender = parsed.canonical().get();
        UsageWindow window = window(query.getOrDefault("window", "hour"));
        Duration length = window == UsageWindow.HOUR ? Duration.ofHours(1) : Duration.ofDays(1);
        Instant to = instant(query, "to", clock.instant());
        Instant from = instant(query, "from", to.minus(window == UsageWindow.HOUR ? Duration.ofHours(24) : Duration.ofDays(31)));
        if (from.isAfter(to)) {
            throw HttpError.badRequest("from (" + from + ") is after to (" + to + ")");
        }
        String store = window == UsageWindow.HOUR ? UsageTopology.HOURLY_STORE : UsageTopology.DAILY_STORE;
        HostInfo owner = access.remoteOwner(access.streams().queryMetadataForKey(store, sender + TopicKeys.SEPARATOR,
                new SenderPartitioner<>()));
        if (owner != null) {
            String rawQuery = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return HttpReply.redirect("http://" + owner.host() + ":" + owner.port() + uri.getRawPath() + rawQuery);
        }
        String country = query.get("country");
        String keyFrom = sender + TopicKeys.SEPARATOR + (country == null ? "" : country.toUpperCase(Locale.ROOT));
        String keyTo = country == null ? sender + TopicKeys.SEPARATOR + '\uffff' : keyFrom;
        ReadOnlyWindowStore<String, UsageTally> windows = access.store(store, QueryableStoreTypes.windowStore());
        List<UsageAggregate> found = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, UsageTally> entries = windows.fetch(keyFrom, keyTo, from, to)) {
            while (entries.hasNext()) {
                KeyValue<Windowed<String>, UsageTally> entry = entries.next();
                long start = entry.key.window().start();
                found.add(UsageAggregates.of(entry.key.key(), start, start + length.toMillis(), window, entry.value));
            }
        }
        found.sort((a, b) -> a.getWindowStart().equals(b.getWindowStart())
                ? a.getCountry().compareTo(b.getCountry()) : a.getWindowStart().compareTo(b.getWindowStart()));
        return HttpReply.json(200, QueryJson.usage(sender, window, from, to, found));
    }

    private static UsageWindow window(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "hour", "hourly" -> UsageWindow.HOUR;
            case "day", "daily" -> UsageWindow.DAY;
            default -> throw HttpError.badRequest("window must be hour or day (was '" + value + "')");
        };
    }

    private static Instant instant(Map<String, String> query, String name, Instant fallback) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest(name + " must be an ISO-8601 instant such as 2026-05-01T12:00:00Z (was '" + value + "')");
        }
    }
}

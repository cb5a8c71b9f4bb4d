package io.relaysms.tracker.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One webhook subscriber, from configuration:
 * <pre>
 * webhooks.crm.url=https://crm.example.com/sms-events
 * webhooks.crm.events=delivery-reports,inbound      # default: both
 * webhooks.crm.secret=a-long-random-string         # signs every request (required)
 * </pre>
 * The name ({@code crm}) names the subscriber's consumer group, metrics and dead letters.
 */
public record WebhookSubscription(String name, URI url, Set<EventKind> events, String secret) {

    public static final String PREFIX = "webhooks.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> ATTRIBUTES = Set.of("url", "events", "secret");

    public WebhookSubscription {
        events = Set.copyOf(events);
    }

    public boolean wants(EventKind kind) {
        return events.contains(kind);
    }

    /** Every subscription in the {@code webhooks.} family (keys without the prefix); problems are added, not thrown. */
    public static List<WebhookSubscription> parseAll(Map<String, String> family, List<String> problems) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        family.forEach((key, value) -> {
            int dot = key.indexOf('.');
            String name = dot < 0 ? key : key.substring(0, dot);
            String attribute = dot < 0 ? "" : key.substring(dot + 1);
            if (!NAME.matcher(name).matches() || !ATTRIBUTES.contains(attribute)) {
                problems.add(PREFIX + key + ": expected webhooks.<name>.url|events|secret, with a name of letters, digits, '-' or '_'");
            } else {
                byName.computeIfAbsent(name, n -> new TreeMap<>()).put(attribute, value.trim());
            }
        });
        List<WebhookSubscription> subscriptions = new ArrayList<>();
        byName.forEach((name, attributes) -> parse(name, attributes, problems).ifPresent(subscriptions::add));
        return subscriptions;
    }

    private static Optional<WebhookSubscription> parse(String name, Map<String, String> attributes, List<String> problems) {
        int before = problems.size();
        String prefix = PREFIX + name + ".";
        URI url = null;
        String rawUrl = attributes.getOrDefault("url", "");
        try {
            url = new URI(rawUrl);
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                problems.add(prefix + "url: must be an absolute http:// or https:// URL (was '" + rawUrl + "')");
            }
        } catch (URISyntaxException e) {
            problems.add(prefix + "url: not a URL (" + e.getMessage() + ")");
        }
        Set<EventKind> events = EnumSet.noneOf(EventKind.class);
        String rawEvents = attributes.getOrDefault("events", "delivery-reports,inbound");
        for (String item : rawEvents.split(",")) {
            EventKind.parse(item).ifPresentOrElse(events::add, () -> problems.add(prefix + "events: '" + item.trim()
                    + "' is not an event kind; use delivery-reports and/or inbound"));
        }
        String secret = attributes.getOrDefault("secret", "");
        if (secret.length() < 16) {
            problems.add(prefix + "secret: required, at least 16 characters (every request is signed with it)");
        }
        return problems.size() > before ? Optional.empty()
                : Optional.of(new WebhookSubscription(name, url, events, secret));
    }

    @Override
    public String toString() {
        return "WebhookSubscription[" + name + ", " + url + ", " + events + ", secret=[hidden]]";
    }
}

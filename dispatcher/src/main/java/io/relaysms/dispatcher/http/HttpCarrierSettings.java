package io.relaysms.dispatcher.http;

import io.relaysms.config.carriers.CarrierRoute;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The attributes of a {@code carriers.<id>.protocol=http} route:
 * <pre>
 * url              base URL of the carrier's API; messages are POSTed to {url}/messages
 * api-key          sent as "Authorization: Bearer {api-key}" (optional)
 * timeout-ms       wait for an answer (default 10000)
 * window           requests in flight (default 10)
 * tps              requests per second, 0 = no cap (default 0)
 * count            segments | messages: what the number's limit counts (default segments)
 * callback-token   the token the carrier must send with callbacks ("Authorization: Bearer {token}"; optional)
 * </pre>
 */
public record HttpCarrierSettings(String carrierId, URI messagesUri, String apiKey, long timeoutMillis, int window,
                                  double tps, boolean countsSegments, String callbackToken) {

    public static HttpCarrierSettings from(CarrierRoute route, List<String> problems) {
        String where = "carriers." + route.id() + ".";
        String url = route.attribute("url", "").trim();
        URI uri = null;
        try {
            if (url.isEmpty()) {
                problems.add(where + "url: an HTTP carrier needs the base URL of its API");
            } else {
                URI base = URI.create(url);
                if (base.getScheme() == null || !base.getScheme().matches("https?") || base.getHost() == null) {
                    problems.add(where + "url: must be an http:// or https:// URL with a host (was '" + url + "')");
                } else {
                    uri = URI.create(url.endsWith("/") ? url + "messages" : url + "/messages");
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add(where + "url: not a URL (was '" + url + "'): " + e.getMessage());
        }
        String count = route.attribute("count", "segments").trim().toLowerCase(Locale.ROOT);
        if (!count.equals("segments") && !count.equals("messages")) {
            problems.add(where + "count: must be segments or messages (was '" + count + "')");
        }
        return new HttpCarrierSettings(route.id(), uri, route.attribute("api-key", ""),
                positive(route, "timeout-ms", 10_000, where, problems), (int) positive(route, "window", 10, where, problems),
                positive(route, "tps", 0, where, problems), !count.equals("messages"), route.attribute("callback-token", ""));
    }

    private static long positive(CarrierRoute route, String name, long defaultValue, String where, List<String> problems) {
        String raw = route.attribute(name).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value < 0) {
                problems.add(where + name + ": must not be negative (was " + value + ")");
                return defaultValue;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(where + name + ": must be a whole number (was '" + raw + "')");
            return defaultValue;
        }
    }
}

package io.relaysms.config.numbers;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The numbers a deployment owns, from {@code numbers.<number>.<attribute>} keys:
 * <pre>
 * numbers.+18005550100.type=toll-free       # toll-free | short-code | long-code (10dlc) | alphanumeric
 * numbers.+18005550100.route=simulator      # a carrier id from carriers.*
 * numbers.+18005550100.failover-route=backup
 * numbers.12345.region=US                   # short codes and alphanumeric senders name their country
 * </pre>
 * Numbers are data (design decision 6): nothing else in the code knows which numbers exist.
 */
public final class NumberDirectory {

    public static final String PREFIX = "numbers.";
    /** A number's own rate limit, read by the dispatcher; the number type's applies when they are not set. */
    public static final String RATE_LIMIT_PER_MINUTE = "rate-limit.per-minute";
    public static final String RATE_LIMIT_BURST = "rate-limit.burst";
    /** The opt-out processor's per-number family (keywords, auto-replies); it checks the names inside. */
    public static final String OPTOUT_PREFIX = "optout.";
    private static final Set<String> CORE_ATTRIBUTES = Set.of("type", "route", "failover-route", "region");
    private static final Set<String> ATTRIBUTES = Stream.concat(CORE_ATTRIBUTES.stream(), Stream.of(RATE_LIMIT_PER_MINUTE, RATE_LIMIT_BURST))
            .collect(Collectors.toUnmodifiableSet());

    private final Map<String, OwnedNumber> byNumber;

    private NumberDirectory(Map<String, OwnedNumber> byNumber) {
        this.byNumber = Collections.unmodifiableMap(byNumber);
    }

    public static NumberDirectory of(Collection<OwnedNumber> numbers) {
        Map<String, OwnedNumber> map = new LinkedHashMap<>();
        numbers.forEach(n -> map.put(n.number(), n));
        return new NumberDirectory(map);
    }

    /** Parses every {@code numbers.*} key; problems are appended rather than thrown, so all are reported. */
    public static NumberDirectory parse(Map<String, String> settings, Set<String> carrierIds, List<String> problems) {
        Map<String, Map<String, String>> grouped = new TreeMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                String rest = key.substring(PREFIX.length());
                int dot = rest.indexOf('.');
                if (dot <= 0) {
                    problems.add(key + ": expected numbers.<number>.<attribute>");
                } else {
                    grouped.computeIfAbsent(rest.substring(0, dot), n -> new TreeMap<>()).put(rest.substring(dot + 1), value);
                }
            }
        });
        Map<String, OwnedNumber> byNumber = new LinkedHashMap<>();
        grouped.forEach((number, attributes) -> parseOne(number, attributes, carrierIds, problems)
                .ifPresent(owned -> byNumber.put(owned.number(), owned)));
        return new NumberDirectory(byNumber);
    }

    private static Optional<OwnedNumber> parseOne(String number, Map<String, String> attributes, Set<String> carrierIds,
                                                  List<String> problems) {
        String where = PREFIX + number;
        int before = problems.size();
        attributes.keySet().stream().filter(name -> !ATTRIBUTES.contains(name) && !name.startsWith(OPTOUT_PREFIX))
                .forEach(name -> problems.add(where + "." + name + ": unknown attribute (known: "
                        + String.join(", ", new TreeSet<>(ATTRIBUTES)) + ", " + OPTOUT_PREFIX + "*)"));
        Optional<NumberType> type = Optional.ofNullable(attributes.get("type")).flatMap(NumberType::fromConfigName);
        if (type.isEmpty()) {
            problems.add(where + ".type: must be one of toll-free, short-code, long-code, 10dlc, alphanumeric (was '"
                    + attributes.getOrDefault("type", "") + "')");
        }
        String canonical = number;
        String region = attributes.getOrDefault("region", "").toUpperCase(Locale.ROOT);
        if (type.isPresent()) {
            switch (type.get()) {
                case TOLL_FREE, LONG_CODE -> {
                    SenderAddress.Parsed parsed = SenderAddress.e164(number);
                    if (parsed.isValid()) {
                        canonical = parsed.canonical().get();
                        region = SenderAddress.regionOf(canonical);
                    } else {
                        problems.add(where + ": " + parsed.problem());
                    }
                }
                case SHORT_CODE -> {
                    if (!SenderAddress.isShortCode(number)) {
                        problems.add(where + ": a short code is 5 or 6 digits without '+'");
                    }
                }
                case ALPHANUMERIC -> {
                    if (!SenderAddress.isAlphanumericSender(number)) {
                        problems.add(where + ": an alphanumeric sender id is 1-11 letters, digits or spaces, one letter at least");
                    }
                }
            }
            if (region.isEmpty()) {
                region = "US";
            }
        }
        String route = attributes.get("route");
        if (route == null || route.isBlank()) {
            problems.add(where + ".route: every number needs a carrier route (a carriers.<id> entry)");
        } else if (!carrierIds.contains(route)) {
            problems.add(where + ".route: no carrier '" + route + "' is configured (known: " + new TreeSet<>(carrierIds) + ")");
        }
        Optional<String> failover = Optional.ofNullable(attributes.get("failover-route")).filter(s -> !s.isBlank());
        failover.filter(f -> !carrierIds.contains(f))
                .ifPresent(f -> problems.add(where + ".failover-route: no carrier '" + f + "' is configured"));
        if (problems.size() > before) {
            return Optional.empty();
        }
        Map<String, String> extra = new TreeMap<>(attributes);
        CORE_ATTRIBUTES.forEach(extra::remove);
        return Optional.of(new OwnedNumber(canonical, type.get(), route, failover, region, extra));
    }

    /** The owned number for a sender as a client spelled it, after canonicalisation. */
    public Optional<OwnedNumber> lookup(String sender) {
        if (sender == null) {
            return Optional.empty();
        }
        OwnedNumber direct = byNumber.get(sender);
        if (direct != null) {
            return Optional.of(direct);
        }
        return SenderAddress.sender(sender).canonical().map(byNumber::get);
    }

    public Collection<OwnedNumber> all() {
        return byNumber.values();
    }

    public boolean isEmpty() {
        return byNumber.isEmpty();
    }
}

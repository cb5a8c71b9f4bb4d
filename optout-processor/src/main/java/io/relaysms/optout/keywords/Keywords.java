package io.relaysms.optout.keywords;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keywords one sending number honours, and the matching rule.
 *
 * <p><b>Rule: the whole message is the keyword.</b> After {@link KeywordNormalizer} (case, surrounding
 * whitespace and punctuation, accents), the text must equal one keyword; a keyword inside a longer text is
 * not one. So {@code "Stop."} and {@code " stop "} opt out, while {@code "please don't stop"},
 * {@code "STOP PLEASE"} and {@code "stop texting me"} do not.
 *
 * <p>Why: that is what the carriers and clouds whose keyword lists Relay takes do. Toll-free carriers block on
 * the bare keyword; Twilio states that "only single-word messages will trigger the block" ("STOP PLEASE" does
 * not); Braze processes "only the exact, single-word message (case insensitive)". A looser rule (first word,
 * keyword anywhere) misreads ordinary conversation ("don't stop", "stop by tomorrow") and would silently cut off
 * recipients who never asked. Free-text requests ("stop texting me") still reach the customer as inbound events,
 * who can honour them through the opt-out API ({@code optouts:add}).
 */
public final class Keywords {

    private final Map<String, KeywordMatch> byNormalizedText;

    private Keywords(Map<String, KeywordMatch> byNormalizedText) {
        this.byNormalizedText = Collections.unmodifiableMap(byNormalizedText);
    }

    /**
     * The keywords of each kind. A keyword listed under two kinds is ambiguous and refused: the problem is
     * appended to {@code problems} (prefixed with {@code where}) and the first kind keeps it.
     */
    public static Keywords of(Map<KeywordKind, List<String>> lists, String where, List<String> problems) {
        Map<String, KeywordMatch> table = new LinkedHashMap<>();
        for (KeywordKind kind : KeywordKind.values()) {
            for (String keyword : lists.getOrDefault(kind, List.of())) {
                String normalized = KeywordNormalizer.normalize(keyword);
                if (normalized.isEmpty()) {
                    continue;
                }
                KeywordMatch earlier = table.putIfAbsent(normalized, new KeywordMatch(kind, normalized));
                if (earlier != null && earlier.kind() != kind) {
                    problems.add(where + ": keyword '" + normalized + "' is listed as " + earlier.kind().configName()
                            + " and as " + kind.configName() + "; a keyword can mean one thing only");
                }
            }
        }
        return new Keywords(table);
    }

    /** The keyword the whole text is, if it is one. */
    public Optional<KeywordMatch> match(String text) {
        return Optional.ofNullable(byNormalizedText.get(KeywordNormalizer.normalize(text)));
    }
}

package io.relaysms.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The declared key an unknown one was probably meant to be: the same words with other separators
 * ({@code optout.http.advertised.host} for {@code optout.http.advertised-host}), or a small typo.
 */
final class KeySuggestion {

    private KeySuggestion() {
    }

    static Optional<String> closest(String unknown, Collection<String> declared) {
        String plain = withoutSeparators(unknown);
        Optional<String> sameWords = declared.stream().filter(key -> withoutSeparators(key).equals(plain)).findFirst();
        if (sameWords.isPresent()) {
            return sameWords;
        }
        // Two edits catch a swapped, missing or extra letter; more would start suggesting unrelated keys.
        String best = null;
        int bestDistance = 3;
        for (String key : declared) {
            int distance = editDistance(unknown, key, bestDistance);
            if (distance < bestDistance) {
                best = key;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String withoutSeparators(String key) {
        return key.toLowerCase(Locale.ROOT).replace(".", "").replace("-", "").replace("_", "");
    }

    /** Levenshtein distance, or {@code limit} as soon as it cannot be less. */
    static int editDistance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMinimum = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                rowMinimum = Math.min(rowMinimum, current[j]);
            }
            if (rowMinimum >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit);
    }
}

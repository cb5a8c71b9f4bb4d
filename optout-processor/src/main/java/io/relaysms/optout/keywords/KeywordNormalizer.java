package io.relaysms.optout.keywords;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings an inbound text and a configured keyword to one comparable spelling, so that matching tolerates what
 * handsets and people add around a keyword but nothing that changes its meaning:
 * <ol>
 *   <li>compatibility decomposition (NFKD) and removal of combining marks: full-width {@code ＳＴＯＰ} is
 *       {@code STOP}, French {@code Arrêt} is {@code ARRET};</li>
 *   <li>leading and trailing characters that are neither letters nor digits are dropped: whitespace,
 *       punctuation, quotes and emoji, so {@code "Stop!"}, {@code 'STOP.'} and {@code STOP 🛑} all give {@code STOP};</li>
 *   <li>runs of whitespace inside become one space ({@code opt   out} is {@code OPT OUT}); inner punctuation
 *       stays ({@code OPT-OUT} is not {@code OPTOUT}, each is listed on its own);</li>
 *   <li>upper case, in the root locale (no Turkish dotless i surprises).</li>
 * </ol>
 */
public final class KeywordNormalizer {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private KeywordNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        int start = 0;
        int end = decomposed.length();
        while (start < end && !Character.isLetterOrDigit(decomposed.codePointAt(start))) {
            start += Character.charCount(decomposed.codePointAt(start));
        }
        while (end > start && !Character.isLetterOrDigit(decomposed.codePointBefore(end))) {
            end -= Character.charCount(decomposed.codePointBefore(end));
        }
        return WHITESPACE.matcher(decomposed.substring(start, end)).replaceAll(" ").toUpperCase(Locale.ROOT);
    }
}

package io.relaysms.config.numbers;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Answers of a number parse remembered by the spelling they were computed from. libphonenumber's parse and validation
 * costs more than anything else a service does with a number, and traffic repeats its numbers (verification codes,
 * reminders, the same list in bulk). At most {@code maxEntries} answers are kept; when the table is full it starts
 * over, which costs a re-parse, never a wrong answer. Thread-safe.
 *
 * @param <V> the answer
 */
public final class RememberedParses<V> {

    private final int maxEntries;
    private final Function<String, V> parse;
    private final Predicate<V> worthRemembering;
    private final ConcurrentHashMap<String, V> known = new ConcurrentHashMap<>();

    /**
     * @param parse            the parse; a null spelling is handed to it and never remembered
     * @param worthRemembering which answers to keep (for spellings that clients control, only valid ones, so that
     *                         junk cannot push the real numbers out)
     */
    public RememberedParses(int maxEntries, Function<String, V> parse, Predicate<V> worthRemembering) {
        this.maxEntries = maxEntries;
        this.parse = parse;
        this.worthRemembering = worthRemembering;
    }

    /** Remembers every answer. */
    public RememberedParses(int maxEntries, Function<String, V> parse) {
        this(maxEntries, parse, answer -> true);
    }

    /** The same answer as the parse itself. */
    public V get(String spelling) {
        if (spelling == null) {
            return parse.apply(null);
        }
        V answer = known.get(spelling);
        if (answer == null) {
            answer = parse.apply(spelling);
            if (answer != null && worthRemembering.test(answer)) {
                if (known.size() >= maxEntries) {
                    known.clear();
                }
                known.put(spelling, answer);
            }
        }
        return answer;
    }
}

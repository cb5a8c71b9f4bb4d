package io.relaysms.optout.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.optout.TestSettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The matching rule on messages as handsets send them. Each row: the text (between | marks, so surrounding
 * spaces show), and what it means with the default keywords ("-" for nothing).
 */
class KeywordTableTest {

    private final Keywords defaults = TestSettings.optOut(Map.of()).keywords().forNumber(TestSettings.LONG_CODE);

    @ParameterizedTest(name = "{0} means {1}")
    @CsvSource(delimiter = ';', value = {
            // the keyword alone, as people type it
            "|STOP|; OPT_OUT", "|stop|; OPT_OUT", "|Stop|; OPT_OUT", "| stop |; OPT_OUT", "|STOP\t\u00a0|; OPT_OUT",
            "|Stop.|; OPT_OUT", "|STOP!!!|; OPT_OUT", "|'stop'|; OPT_OUT", "|\"STOP\"|; OPT_OUT", "|STOP 🛑|; OPT_OUT",
            "|Stop?|; OPT_OUT", "|ＳＴＯＰ|; OPT_OUT",
            // the synonyms carriers and clouds honour
            "|Unsubscribe|; OPT_OUT", "|cancel|; OPT_OUT", "|END|; OPT_OUT", "|quit|; OPT_OUT", "|stopall|; OPT_OUT",
            "|revoke|; OPT_OUT", "|OPTOUT|; OPT_OUT", "|opt out|; OPT_OUT", "|Opt   Out|; OPT_OUT", "|Opt-Out|; OPT_OUT",
            "|remove|; OPT_OUT", "|Arrêt|; OPT_OUT", "|ARRET|; OPT_OUT", "|td|; OPT_OUT",
            "|START|; OPT_IN", "|Unstop|; OPT_IN", "|yes|; OPT_IN", "|Yes!|; OPT_IN",
            "|HELP|; HELP", "|help?|; HELP", "|Info|; HELP", "|INFO.|; HELP",
            // a keyword inside a sentence is conversation, not a command
            "|please don't stop|; -", "|Don't stop|; -", "|STOP PLEASE|; -", "|stop texting me|; -",
            "|Please cancel my appointment|; -", "|When does the sale end?|; -", "|I quit|; -", "|yes please|; -",
            "|Stopping by later|; -", "|stopp|; -", "|S T O P|; -", "|OPT OUT NOW|; -", "|help me with my order|; -",
            "|START 2pm works|; -", "||; -", "|   |; -", "|🛑|; -"
    })
    void readsTheWholeMessageAsOneKeywordOrNone(String quoted, String expected) {
        String text = quoted.substring(1, quoted.length() - 1);

        Optional<KeywordKind> kind = defaults.match(text).map(KeywordMatch::kind);

        if (expected.equals("-")) {
            assertThat(kind).as("'%s'", text).isEmpty();
        } else {
            assertThat(kind).as("'%s'", text).contains(KeywordKind.valueOf(expected));
        }
    }

    @ParameterizedTest(name = "{0} is recorded as keyword {1}")
    @CsvSource(delimiter = ';', value = {"opt   out; OPT OUT", "Arrêt!; ARRET", "stop.; STOP"})
    void recordsTheKeywordAsConfiguredNotAsTyped(String text, String keyword) {
        assertThat(defaults.match(text)).map(KeywordMatch::keyword).contains(keyword);
    }
}

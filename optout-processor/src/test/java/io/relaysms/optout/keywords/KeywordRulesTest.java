package io.relaysms.optout.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.optout.TestSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordRulesTest {

    @Test
    void aNumberTypeCanNarrowItsKeywords() {
        KeywordRules rules = TestSettings.optOut(Map.of("optout.keywords.short-code.opt-out", "STOP,QUIT")).keywords();

        assertThat(rules.forNumber(TestSettings.SHORT_CODE).match("remove")).isEmpty();
        assertThat(rules.forNumber(TestSettings.SHORT_CODE).match("quit")).isPresent();
        assertThat(rules.forNumber(TestSettings.LONG_CODE).match("remove")).isPresent();
    }

    @Test
    void aNumberCanAddItsOwnLanguage() {
        KeywordRules rules = TestSettings.optOut(Map.of(
                "numbers." + TestSettings.LONG_CODE + ".optout.keywords.opt-out", "STOP,ALTO,BAJA",
                "numbers." + TestSettings.LONG_CODE + ".optout.keywords.help", "AYUDA")).keywords();

        assertThat(rules.forNumber(TestSettings.LONG_CODE).match("Alto")).map(KeywordMatch::kind).contains(KeywordKind.OPT_OUT);
        assertThat(rules.forNumber(TestSettings.LONG_CODE).match("ayuda")).map(KeywordMatch::kind).contains(KeywordKind.HELP);
        assertThat(rules.forNumber(TestSettings.LONG_CODE).match("HELP")).isEmpty();
        assertThat(rules.forNumber(TestSettings.TOLL_FREE).match("alto")).isEmpty();
    }

    @Test
    void findsTheNumberWhateverSpellingTheInboundUses() {
        KeywordRules rules = TestSettings.optOut(Map.of(
                "numbers." + TestSettings.LONG_CODE + ".optout.keywords.opt-out", "ALTO")).keywords();

        assertThat(rules.forNumber("+1 (415) 555-0100").match("alto")).isPresent();
    }

    @Test
    void aNumberNotOwnedGetsTheDefaults() {
        KeywordRules rules = TestSettings.optOut(Map.of()).keywords();

        assertThat(rules.forNumber("+12025550188").match("unsubscribe")).map(KeywordMatch::kind).contains(KeywordKind.OPT_OUT);
    }

    @Test
    void refusesAKeywordThatMeansTwoThings() {
        assertThatThrownBy(() -> TestSettings.optOut(Map.of("optout.keywords.opt-in", "START,STOP")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("keyword 'STOP' is listed as opt-out and as opt-in");
    }

    @Test
    void refusesAMisspelledNumberAttributeNamingIt() {
        assertThatThrownBy(() -> TestSettings.optOut(Map.of(
                "numbers." + TestSettings.LONG_CODE + ".optout.replies.opt-out.enable", "false")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("numbers." + TestSettings.LONG_CODE + ".optout.replies.opt-out.enable: unknown opt-out attribute");
    }
}

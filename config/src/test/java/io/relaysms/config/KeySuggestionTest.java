package io.relaysms.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggestionTest {

    private static final List<String> DECLARED = List.of("optout.http.port", "optout.http.host", "optout.http.advertised-host",
            "optout.streams.state.dir", "optout.startup.timeout");

    @Test
    void sameWordsWithOtherSeparatorsAreSuggestedWhateverTheDistance() {
        assertThat(KeySuggestion.closest("optout.http.advertised.host", DECLARED)).hasValue("optout.http.advertised-host");
        assertThat(KeySuggestion.closest("optout.streams.state-dir", DECLARED)).hasValue("optout.streams.state.dir");
    }

    @Test
    void aTypoOfOneOrTwoLettersFindsTheNearestKey() {
        assertThat(KeySuggestion.closest("optout.htp.port", DECLARED)).hasValue("optout.http.port");
        assertThat(KeySuggestion.closest("optout.startup.timeuot", DECLARED)).hasValue("optout.startup.timeout");
    }

    @Test
    void nothingIsSuggestedForAKeyUnlikeAnyDeclaredOne() {
        assertThat(KeySuggestion.closest("optout.replies.enabled", DECLARED)).isEmpty();
    }

    @Test
    void theEditDistanceStopsAtItsLimit() {
        assertThat(KeySuggestion.editDistance("kitten", "sitting", 10)).isEqualTo(3);
        assertThat(KeySuggestion.editDistance("kitten", "sitting", 2)).isEqualTo(2);
        assertThat(KeySuggestion.editDistance("same", "same", 3)).isZero();
    }
}

package io.relaysms.config.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RememberedParsesTest {

    private final List<String> parsed = new ArrayList<>();

    private String parse(String spelling) {
        parsed.add(spelling);
        return spelling == null ? "none" : spelling.trim();
    }

    @Test
    void parsesASpellingOnceAndAnswersTheSameAfterwards() {
        RememberedParses<String> parses = new RememberedParses<>(10, this::parse);

        assertThat(parses.get(" +14255550123")).isEqualTo("+14255550123");
        assertThat(parses.get(" +14255550123")).isEqualTo("+14255550123");

        assertThat(parsed).containsExactly(" +14255550123");
    }

    @Test
    void keepsOnlyTheAnswersWorthRemembering() {
        RememberedParses<String> parses = new RememberedParses<>(10, this::parse, answer -> answer.startsWith("+"));

        parses.get("junk");
        parses.get("junk");
        parses.get("+1");
        parses.get("+1");

        assertThat(parsed).containsExactly("junk", "junk", "+1");
    }

    @Test
    void startsOverWhenFullAndStillAnswersCorrectly() {
        RememberedParses<String> parses = new RememberedParses<>(2, this::parse);
        for (int i = 0; i < 5; i++) {
            assertThat(parses.get("n" + i)).isEqualTo("n" + i);
        }

        assertThat(parses.get("n0")).isEqualTo("n0");
        assertThat(parsed).hasSize(6);
    }

    @Test
    void handsANullSpellingToTheParseWithoutRememberingIt() {
        RememberedParses<String> parses = new RememberedParses<>(10, this::parse);

        assertThat(parses.get(null)).isEqualTo("none");
        assertThat(parses.get(null)).isEqualTo("none");
        assertThat(parsed).hasSize(2);
    }
}

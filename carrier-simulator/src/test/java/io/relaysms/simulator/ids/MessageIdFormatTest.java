package io.relaysms.simulator.ids;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.simulator.ids.MessageIdFormat.Radix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageIdFormatTest {

    @Test
    void rendersHexInTheConfiguredCaseAndWidth() {
        assertThat(new MessageIdFormat(Radix.HEX, false, 0).render(0xABCDEFL)).isEqualTo("abcdef");
        assertThat(new MessageIdFormat(Radix.HEX, true, 10).render(0xABCDEFL)).isEqualTo("0000ABCDEF");
    }

    @Test
    void rendersTheSameIdInDecimal() {
        assertThat(new MessageIdFormat(Radix.DECIMAL, false, 12).render(0xABCDEFL)).isEqualTo("000011259375");
    }

    @Test
    void takesUnsetAndSameSettingsFromTheBase() {
        List<String> problems = new ArrayList<>();
        MessageIdFormat base = new MessageIdFormat(Radix.HEX, true, 8);

        MessageIdFormat receipt = MessageIdFormat.parse("x.", "decimal", "same", "", base, problems);

        assertThat(problems).isEmpty();
        assertThat(receipt).isEqualTo(new MessageIdFormat(Radix.DECIMAL, true, 8));
    }

    @Test
    void reportsEveryBadSetting() {
        List<String> problems = new ArrayList<>();

        MessageIdFormat.parse("x.", "octal", "title", "99", MessageIdFormat.LOWER_HEX, problems);

        assertThat(problems).hasSize(3);
    }

    @Test
    void generatesIncreasingIdsFromASeededStart() {
        MessageIdGenerator a = MessageIdGenerator.startingFrom(7);
        MessageIdGenerator b = MessageIdGenerator.startingFrom(7);

        long first = a.next();
        assertThat(a.next()).isEqualTo(first + 1);
        assertThat(b.next()).isEqualTo(first);
        assertThat(first).isBetween(1L << 28, 1L << 31);
    }
}

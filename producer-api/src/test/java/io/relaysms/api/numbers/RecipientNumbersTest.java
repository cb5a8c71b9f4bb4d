package io.relaysms.api.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.config.numbers.SenderAddress;
import org.junit.jupiter.api.Test;

class RecipientNumbersTest {

    private final RecipientNumbers numbers = new RecipientNumbers(2);

    @Test
    void answersAsLibphonenumberDoesTheFirstTimeAndEveryTimeAfter() {
        for (String input : new String[] {"+14255550123", " +1 (425) 555-0124", "+1425555", "14255550123", "", "+44 20 7946 0958"}) {
            SenderAddress.Parsed expected = SenderAddress.e164(input);
            assertThat(numbers.e164(input)).as(input).isEqualTo(expected);
            assertThat(numbers.e164(input)).as(input + " again").isEqualTo(expected);
        }
    }

    @Test
    void answersAMissingNumberAsInvalid() {
        assertThat(numbers.e164(null).isValid()).isFalse();
    }

    @Test
    void keepsAnsweringCorrectlyOnceMoreNumbersArriveThanItRemembers() {
        for (int i = 0; i < 10; i++) {
            String input = "+1425555012" + i;
            assertThat(numbers.e164(input).canonical()).contains(input);
        }
        assertThat(numbers.e164("+14255550120").canonical()).contains("+14255550120");
    }
}

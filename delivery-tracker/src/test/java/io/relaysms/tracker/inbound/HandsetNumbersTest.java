package io.relaysms.tracker.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandsetNumbersTest {

    @ParameterizedTest(name = "{0} to {1} is {2}")
    @CsvSource({
            "+447911123456, +18005550100, +447911123456",
            "' +447911123456 ', +18005550100, +447911123456",
            "447911123456, +18005550100, +447911123456",
            "00447911123456, +442071838750, +447911123456",
            "07911 123456, +442071838750, +447911123456",
            "07911123456, +442071838750, +447911123456",
            "0612345678, +33184800000, +33612345678",
            "2015550123, +18005550100, +12015550123",
            "12015550123, +18005550100, +12015550123",
            "33612345678, +18005550100, +33612345678",
    })
    void readsNationalAndNoPlusFormatsAsE164(String from, String ourNumber, String expected) {
        assertThat(HandsetNumbers.e164(from, ourNumber)).isEqualTo(expected);
    }

    @Test
    void keepsAShortCodeAsSent() {
        assertThat(HandsetNumbers.e164("72345", "+18005550100")).isEqualTo("72345");
    }

    @Test
    void keepsAnAlphanumericSenderAsSent() {
        assertThat(HandsetNumbers.e164("MyBank", "+18005550100")).isEqualTo("MyBank");
    }

    @Test
    void keepsDigitsThatAreNoValidNumberAnywhereAsSent() {
        assertThat(HandsetNumbers.e164("0000000", "+18005550100")).isEqualTo("0000000");
    }

    @Test
    void readsNoPlusInternationalWhenOurNumberIsAShortCode() {
        assertThat(HandsetNumbers.e164("447911123456", "72345")).isEqualTo("+447911123456");
    }
}

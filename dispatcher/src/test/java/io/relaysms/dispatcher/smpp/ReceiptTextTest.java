package io.relaysms.dispatcher.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReceiptTextTest {

    @Test
    void readsTheStandardReceipt() {
        ReceiptText r = ReceiptText.parse("id:0A1B2C sub:001 dlvrd:001 submit date:2601011000 done date:260101100005 "
                + "stat:DELIVRD err:000 text:Hello there");

        assertThat(r.id()).contains("0A1B2C");
        assertThat(r.stat()).contains("DELIVRD");
        assertThat(r.err()).contains("000");
        assertThat(r.date("submit date")).contains(Instant.parse("2026-01-01T10:00:00Z").toEpochMilli());
        assertThat(r.date("done date")).contains(Instant.parse("2026-01-01T10:00:05Z").toEpochMilli());
        assertThat(r.field("text")).contains("Hello there");
    }

    @Test
    void toleratesOtherOrderCaseAndMissingFields() {
        ReceiptText r = ReceiptText.parse("Stat:undeliv ID:42 Err:001");

        assertThat(r.id()).contains("42");
        assertThat(r.stat()).contains("UNDELIV");
        assertThat(r.date("done date")).isEmpty();
    }
}

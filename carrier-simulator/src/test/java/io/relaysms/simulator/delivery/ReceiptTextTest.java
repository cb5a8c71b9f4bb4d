package io.relaysms.simulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.simulator.behaviour.ReceiptStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReceiptTextTest {

    @Test
    void writesTheStandardReceiptText() {
        String text = ReceiptText.format("1234567890", Instant.parse("2025-03-04T05:06:59Z"),
                Instant.parse("2025-03-04T05:07:01Z"), ReceiptStatus.DELIVRD, "000", "Hello from Relay, this is long");

        assertThat(text).isEqualTo("id:1234567890 sub:001 dlvrd:001 submit date:2503040506 done date:2503040507 "
                + "stat:DELIVRD err:000 text:Hello from Relay, th");
    }

    @Test
    void reportsNothingDeliveredForAFailureAndKeepsTheTextAscii() {
        String text = ReceiptText.format("ab", Instant.EPOCH, Instant.EPOCH, ReceiptStatus.REJECTD, "004", "Grüße\nda");

        assertThat(text).contains("dlvrd:000", "stat:REJECTD", "err:004", "text:Gr??e da");
    }
}

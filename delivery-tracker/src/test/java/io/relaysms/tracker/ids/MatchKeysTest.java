package io.relaysms.tracker.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchKeysTest {

    private final MatchKeys keys = new MatchKeys(CarrierIdFormats.of(Map.of(
            "hex-decimal", new RouteIdFormats(IdFormat.HEX, IdFormat.DECIMAL),
            "hex-hex", new RouteIdFormats(IdFormat.HEX, IdFormat.HEX),
            "text", new RouteIdFormats(IdFormat.TEXT, IdFormat.TEXT))));

    @Test
    void readsAHexSubmitIdAndItsDecimalReceiptIdAsOneKey() {
        assertThat(keys.forSubmitted("hex-decimal", "00ABCDEF")).containsExactly(new MatchKey("n:11259375", false));
        assertThat(keys.forReceipt("hex-decimal", "11259375")).containsExactly(new MatchKey("n:11259375", false));
    }

    @Test
    void ignoresCaseAndLeadingZerosOfHexIds() {
        assertThat(keys.forReceipt("hex-hex", "0000abcdef")).isEqualTo(keys.forSubmitted("hex-hex", "ABCDEF"));
    }

    @Test
    void fallsBackToTheTextKeyForAnIdThatIsNotANumberInItsConfiguredRadix() {
        assertThat(keys.forSubmitted("hex-decimal", "msg-17")).containsExactly(new MatchKey("t:msg-17", false));
    }

    @Test
    void comparesTextIdsWithoutCaseOrLeadingZeros() {
        assertThat(keys.forReceipt("text", "00Ab-9")).isEqualTo(keys.forSubmitted("text", "ab-9"));
    }

    @Test
    void triesTextHexAndDecimalReadingsForACarrierWithoutConfiguredFormats() {
        assertThat(keys.forSubmitted("unknown", "0010")).containsExactly(
                new MatchKey("t:10", false), new MatchKey("n:16", true), new MatchKey("n:10", true));
        assertThat(keys.forSubmitted("unknown", "ff")).containsExactly(new MatchKey("t:ff", false), new MatchKey("n:255", true));
        assertThat(keys.forSubmitted("unknown", "x-1")).containsExactly(new MatchKey("t:x-1", false));
    }

    @Test
    void spreadsConfiguredCarriersOverPartitionsByKeyButKeepsAnAutoCarrierTogether() {
        assertThat(keys.partitionKey("hex-decimal", "ff", false)).isEqualTo(keys.partitionKey("hex-decimal", "255", true))
                .isEqualTo("hex-decimal|n:255");
        assertThat(List.of(keys.partitionKey("unknown", "ff", false), keys.partitionKey("unknown", "255", true)))
                .containsOnly("unknown");
    }
}

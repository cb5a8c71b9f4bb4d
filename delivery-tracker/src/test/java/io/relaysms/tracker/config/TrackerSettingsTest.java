package io.relaysms.tracker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import io.relaysms.tracker.ids.IdFormat;
import io.relaysms.tracker.inbound.Gsm7Packing;
import io.relaysms.tracker.webhooks.EventKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackerSettingsTest {

    @Test
    void waitsSeventyTwoHoursForAReceiptByDefault() {
        assertThat(TrackerSettings.from(RelaySettings.of(Map.of())).defaultReportTimeout()).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void readsCarrierIdFormatsPackingAndWebhooks() {
        TrackerSettings settings = TrackerSettings.from(RelaySettings.of(Map.of(
                "carriers.sim.protocol", "smpp", "carriers.sim.submit-id-format", "hex", "carriers.sim.receipt-id-format", "Decimal",
                "carriers.sim.inbound-gsm7-packing", "packed",
                "webhooks.crm.url", "https://crm.example.com/events", "webhooks.crm.events", "inbound",
                "webhooks.crm.secret", "0123456789abcdef",
                "tracker.report-timeout.default", "96h")));

        assertThat(settings.idFormats().forCarrier("sim").submit()).isEqualTo(IdFormat.HEX);
        assertThat(settings.idFormats().forCarrier("sim").receipt()).isEqualTo(IdFormat.DECIMAL);
        assertThat(settings.idFormats().forCarrier("other").submit()).isEqualTo(IdFormat.AUTO);
        assertThat(settings.gsm7Packing()).containsEntry("sim", Gsm7Packing.PACKED);
        assertThat(settings.webhooks()).singleElement().satisfies(w -> {
            assertThat(w.name()).isEqualTo("crm");
            assertThat(w.events()).containsExactly(EventKind.INBOUND);
        });
        assertThat(settings.defaultReportTimeout()).isEqualTo(Duration.ofHours(96));
    }

    @Test
    void listsEveryBadKeyAtOnce() {
        assertThatThrownBy(() -> TrackerSettings.from(RelaySettings.of(Map.of(
                "carriers.sim.protocol", "smpp", "carriers.sim.submit-id-format", "octal",
                "webhooks.crm.url", "ftp://crm", "webhooks.crm.events", "reports", "webhooks.crm.secret", "short"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).hasSize(4).anySatisfy(p ->
                        assertThat(p).startsWith("carriers.sim.submit-id-format: must be hex, decimal, text or auto")));
    }

    @Test
    void refusesADurationWithoutAUnit() {
        assertThatThrownBy(() -> TrackerSettings.from(RelaySettings.of(Map.of("tracker.report-timeout.default", "259200"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("tracker.report-timeout.default")
                .hasMessageContaining("is not a duration");
    }
}

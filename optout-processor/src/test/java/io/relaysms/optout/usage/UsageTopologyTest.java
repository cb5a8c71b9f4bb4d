package io.relaysms.optout.usage;

import static io.relaysms.optout.TestSettings.FRENCH_HANDSET;
import static io.relaysms.optout.TestSettings.HANDSET;
import static io.relaysms.optout.TestSettings.LONG_CODE;
import static io.relaysms.optout.TestSettings.SHORT_CODE;
import static io.relaysms.optout.usage.UsageDriver.NOON;
import static io.relaysms.optout.usage.UsageDriver.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.relaysms.optout.TestSettings;
import io.relaysms.schemas.DeliveryReason;
import io.relaysms.schemas.DispatchOutcome;
import io.relaysms.schemas.UsageAggregate;
import io.relaysms.schemas.UsageWindow;
import io.relaysms.topics.TopicKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UsageTopologyTest {

    private static final Instant ONE = Instant.parse("2026-05-01T13:00:00Z");
    private static final Instant MIDNIGHT = Instant.parse("2026-05-01T00:00:00Z");

    private final UsageDriver kafka = new UsageDriver(UsageSettings.from(TestSettings.with(Map.of())));

    @AfterEach
    void close() {
        kafka.close();
    }

    private static String hourKey(String from, String country, Instant start) {
        return TopicKeys.usage(from, country, start);
    }

    @Test
    void countsRequestsAndSegmentsPerSenderRecipientCountryAndWindow() {
        kafka.request(LONG_CODE, HANDSET, 1, NOON.plusSeconds(60));
        kafka.request(LONG_CODE, HANDSET, 3, NOON.plusSeconds(120));
        kafka.request(LONG_CODE, FRENCH_HANDSET, 2, NOON.plusSeconds(600));
        kafka.request(LONG_CODE, HANDSET, 1, ONE.plusSeconds(300));
        kafka.request(SHORT_CODE, HANDSET, 1, NOON.plusSeconds(900));

        Map<String, UsageAggregate> hourly = kafka.hourly.readKeyValuesToMap();
        UsageAggregate usNoon = hourly.get(hourKey(LONG_CODE, "US", NOON));
        assertThat(usNoon.getRequests()).isEqualTo(2);
        assertThat(usNoon.getSegments()).isEqualTo(4);
        assertThat(usNoon.getWindow()).isEqualTo(UsageWindow.HOUR);
        assertThat(usNoon.getWindowStart()).isEqualTo(NOON);
        assertThat(usNoon.getWindowEnd()).isEqualTo(ONE);
        assertThat(usNoon.getUpdatedAt()).isEqualTo(UPDATED);
        assertThat(hourly.get(hourKey(LONG_CODE, "FR", NOON)).getRequests()).isEqualTo(1);
        assertThat(hourly.get(hourKey(LONG_CODE, "US", ONE)).getRequests()).isEqualTo(1);
        assertThat(hourly.get(hourKey(SHORT_CODE, "US", NOON)).getRequests()).isEqualTo(1);
        Map<String, UsageAggregate> daily = kafka.daily.readKeyValuesToMap();
        UsageAggregate usDay = daily.get(hourKey(LONG_CODE, "US", MIDNIGHT));
        assertThat(usDay.getWindow()).isEqualTo(UsageWindow.DAY);
        assertThat(usDay.getRequests()).isEqualTo(3);
        assertThat(usDay.getSegments()).isEqualTo(5);
    }

    @Test
    void countsFinalDispatchOutcomesOnly() {
        for (DispatchOutcome outcome : DispatchOutcome.values()) {
            kafka.dispatched(LONG_CODE, HANDSET, outcome, NOON.plusSeconds(5));
        }

        UsageAggregate usage = kafka.hourly.readKeyValuesToMap().get(hourKey(LONG_CODE, "US", NOON));
        assertThat(usage.getSubmitted()).isEqualTo(1);
        assertThat(usage.getBlockedByOptOut()).isEqualTo(1);
        assertThat(usage.getExpired()).isEqualTo(1);
        assertThat(usage.getFailed()).as("failures are counted from delivery reports").isZero();
    }

    @Test
    void countsDeliveriesFailuresByReasonTheRateAndReceiptLatencyPercentiles() {
        for (int seconds = 1; seconds <= 100; seconds++) {
            Instant receipt = NOON.plusSeconds(1_000);
            kafka.delivered(LONG_CODE, HANDSET, receipt.minusSeconds(seconds), receipt);
        }
        kafka.failed(LONG_CODE, HANDSET, DeliveryReason.RECEIPT_TIMEOUT, NOON.plusSeconds(10));
        kafka.failed(LONG_CODE, HANDSET, DeliveryReason.CARRIER_UNDELIVERED, NOON.plusSeconds(20));
        kafka.failed(LONG_CODE, HANDSET, DeliveryReason.CARRIER_UNDELIVERED, NOON.plusSeconds(30));

        UsageAggregate usage = kafka.hourly.readKeyValuesToMap().get(hourKey(LONG_CODE, "US", NOON));
        assertThat(usage.getDelivered()).isEqualTo(100);
        assertThat(usage.getFailed()).isEqualTo(3);
        assertThat(usage.getFailedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of("RECEIPT_TIMEOUT", 1L, "CARRIER_UNDELIVERED", 2L));
        assertThat(usage.getDeliveryRate()).isCloseTo(100.0 / 103, within(1e-9));
        assertThat(usage.getReceiptLatencyP50Millis()).isCloseTo(50_000L, within(500L));
        assertThat(usage.getReceiptLatencyP95Millis()).isCloseTo(95_000L, within(950L));
        assertThat(usage.getReceiptLatencyP99Millis()).isCloseTo(99_000L, within(990L));
    }

    @Test
    void leavesTheRateAndPercentilesEmptyBeforeAnyReport() {
        kafka.request(LONG_CODE, HANDSET, 1, NOON);

        UsageAggregate usage = kafka.hourly.readKeyValuesToMap().get(hourKey(LONG_CODE, "US", NOON));
        assertThat(usage.getDeliveryRate()).isNull();
        assertThat(usage.getReceiptLatencyP50Millis()).isNull();
    }

    @Test
    void countsInboundForOurNumberTowardsTheHandsetsCountryAndOptOutChanges() {
        kafka.inbound(FRENCH_HANDSET, LONG_CODE, NOON.plusSeconds(1));
        kafka.optOutChanged(LONG_CODE, FRENCH_HANDSET, true, NOON.plusSeconds(2));
        kafka.optOutChanged(LONG_CODE, FRENCH_HANDSET, false, NOON.plusSeconds(3));
        kafka.optOutChanged(LONG_CODE, HANDSET, true, NOON.plusSeconds(4));

        Map<String, UsageAggregate> hourly = kafka.hourly.readKeyValuesToMap();
        UsageAggregate france = hourly.get(hourKey(LONG_CODE, "FR", NOON));
        assertThat(france.getInbound()).isEqualTo(1);
        assertThat(france.getOptOuts()).isEqualTo(1);
        assertThat(france.getOptIns()).isEqualTo(1);
        assertThat(hourly.get(hourKey(LONG_CODE, "US", NOON)).getOptOuts()).isEqualTo(1);
    }

    @Test
    void aLateEventWithinTheGracePeriodUpdatesItsWindowAgain() {
        kafka.request(LONG_CODE, HANDSET, 1, NOON.plusSeconds(60));
        kafka.request(LONG_CODE, HANDSET, 1, ONE.plus(Duration.ofMinutes(30)));
        kafka.hourly.readKeyValuesToMap();

        kafka.delivered(LONG_CODE, HANDSET, null, NOON.plus(Duration.ofMinutes(40)));

        Map<String, UsageAggregate> updates = kafka.hourly.readKeyValuesToMap();
        assertThat(updates).containsOnlyKeys(hourKey(LONG_CODE, "US", NOON));
        assertThat(updates.get(hourKey(LONG_CODE, "US", NOON)).getRequests()).isEqualTo(1);
        assertThat(updates.get(hourKey(LONG_CODE, "US", NOON)).getDelivered()).isEqualTo(1);
    }

    @Test
    void anEventLaterThanTheGracePeriodNoLongerChangesAClosedWindow() {
        kafka.request(LONG_CODE, HANDSET, 1, NOON.plusSeconds(60));
        kafka.request(LONG_CODE, HANDSET, 1, ONE.plus(Duration.ofMinutes(70)));
        kafka.hourly.readKeyValuesToMap();
        kafka.daily.readKeyValuesToMap();

        kafka.delivered(LONG_CODE, HANDSET, null, NOON.plus(Duration.ofMinutes(50)));

        assertThat(kafka.hourly.isEmpty()).as("the 12:00 hour closed at 14:00 stream time").isTrue();
        assertThat(kafka.daily.readKeyValuesToMap().get(hourKey(LONG_CODE, "US", MIDNIGHT)).getDelivered())
                .as("the day is still open").isEqualTo(1);
    }

    @Test
    void daysAreUtcDays() {
        kafka.request(LONG_CODE, HANDSET, 1, Instant.parse("2026-05-01T23:59:00Z"));
        kafka.request(LONG_CODE, HANDSET, 1, Instant.parse("2026-05-02T00:01:00Z"));

        Map<String, UsageAggregate> daily = kafka.daily.readKeyValuesToMap();
        assertThat(daily.get(hourKey(LONG_CODE, "US", MIDNIGHT)).getRequests()).isEqualTo(1);
        assertThat(daily.get(hourKey(LONG_CODE, "US", Instant.parse("2026-05-02T00:00:00Z"))).getRequests()).isEqualTo(1);
    }

    @Test
    void keepsWindowsQueryableInTheStore() {
        kafka.request(LONG_CODE, HANDSET, 2, NOON.plusSeconds(60));

        var store = kafka.driver.<String, UsageTally>getWindowStore(UsageTopology.HOURLY_STORE);
        assertThat(store.fetch(LONG_CODE + "|US", NOON.toEpochMilli())).extracting(UsageTally::segments).isEqualTo(2L);
    }
}

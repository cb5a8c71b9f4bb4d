package io.relaysms.tracker.reports;

import static io.relaysms.tracker.TestEvents.dispatch;
import static io.relaysms.tracker.TestEvents.receipt;
import static io.relaysms.tracker.TestEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.DeliveryReason;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DeliveryStatus;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.DispatchOutcome;
import io.relaysms.schemas.ReceiptStatus;
import io.relaysms.tracker.ids.CarrierIdFormats;
import io.relaysms.tracker.ids.IdFormat;
import io.relaysms.tracker.ids.RouteIdFormats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryReportTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

    private ReportTopologyDriver driver = new ReportTopologyDriver(T0, CarrierIdFormats.of(Map.of(
            "hex-then-decimal", new RouteIdFormats(IdFormat.HEX, IdFormat.DECIMAL))));

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void matchesAReceiptWhoseIdIsTheDecimalOfTheHexSubmitIdWhenTheRouteSaysSo() {
        driver.send(submitted("m1", "hex-then-decimal", T0, "00ABCDEF"));
        driver.send(receipt("hex-then-decimal", "11259375", ReceiptStatus.DELIVRD, T0.plusSeconds(2)));

        DeliveryReport report = driver.reports.readValue();
        assertThat(report.getMessageId()).isEqualTo("m1");
        assertThat(report.getDeliveryStatus()).isEqualTo(DeliveryStatus.Delivered);
        assertThat(report.getReason()).isEqualTo(DeliveryReason.DELIVERED);
        assertThat(report.getDeliveryStatusDetails()).isEqualTo("DELIVRD (err 000): No error.");
        assertThat(report.getTag()).isEqualTo("order-42");
        assertThat(report.getDeliveryAttempts()).singleElement()
                .satisfies(a -> assertThat(List.of(a.getSegmentsSucceeded(), a.getSegmentsFailed())).containsExactly(1, 0));
    }

    @Test
    void matchesIdsThatDifferInRadixCaseAndLeadingZerosWhenTheFormatsAreNotConfigured() {
        driver.send(submitted("hex-lower", "auto", T0, "1a2b3c4d"));
        driver.send(submitted("hex-padded", "auto", T0, "00000000ff01"));
        driver.send(submitted("decimal", "auto", T0, "268435457"));
        driver.send(receipt("auto", "1A2B3C4D", ReceiptStatus.DELIVRD, T0.plusSeconds(1)));
        driver.send(receipt("auto", "FF01", ReceiptStatus.DELIVRD, T0.plusSeconds(1)));
        driver.send(receipt("auto", "10000001", ReceiptStatus.DELIVRD, T0.plusSeconds(1)));

        assertThat(driver.reports.readKeyValuesToMap()).containsOnlyKeys("hex-lower", "hex-padded", "decimal")
                .allSatisfy((id, report) -> assertThat(report.getDeliveryStatus()).isEqualTo(DeliveryStatus.Delivered));
    }

    @Test
    void holdsAReceiptThatArrivesBeforeItsDispatchEventAndMatchesItWhenTheEventComes() {
        driver.send(receipt("hex-then-decimal", "255", ReceiptStatus.UNDELIV, T0));
        assertThat(driver.reports.isEmpty()).isTrue();

        driver.send(submitted("early", "hex-then-decimal", T0, "ff"));

        DeliveryReport report = driver.reports.readValue();
        assertThat(report.getMessageId()).isEqualTo("early");
        assertThat(report.getDeliveryStatus()).isEqualTo(DeliveryStatus.Failed);
        assertThat(report.getReason()).isEqualTo(DeliveryReason.CARRIER_UNDELIVERED);
        assertThat(report.getCarrierStatus()).isEqualTo("UNDELIV");
        assertThat(report.getCarrierErrorCode()).isEqualTo("001");
        assertThat(report.getDeliveryStatusDetails()).isEqualTo("UNDELIV (err 001): The carrier could not deliver the message.");
    }

    @Test
    void mergesTheReceiptsOfAMultiSegmentMessageIntoOneReport() {
        driver.send(submitted("long", "auto", T0, "a1", "a2", "a3"));
        driver.send(receipt("auto", "a1", ReceiptStatus.DELIVRD, T0.plusSeconds(1)));
        driver.send(receipt("auto", "a3", ReceiptStatus.DELIVRD, T0.plusSeconds(2)));
        assertThat(driver.reports.isEmpty()).isTrue();

        driver.send(receipt("auto", "a2", ReceiptStatus.DELIVRD, T0.plusSeconds(3)));

        DeliveryReport report = driver.reports.readValue();
        assertThat(report.getDeliveryStatus()).isEqualTo(DeliveryStatus.Delivered);
        assertThat(report.getSegmentCount()).isEqualTo(3);
        assertThat(report.getReceivedTimestamp()).isEqualTo(T0.plusSeconds(3));
        assertThat(report.getDeliveryAttempts()).singleElement()
                .satisfies(a -> assertThat(List.of(a.getSegmentsSucceeded(), a.getSegmentsFailed())).containsExactly(3, 0));
        assertThat(driver.reports.isEmpty()).isTrue();
    }

    @Test
    void reportsAMultiSegmentMessageFailedWithTheWorstSegmentWhenOneSegmentFails() {
        driver.send(submitted("long", "auto", T0, "b1", "b2"));
        driver.send(receipt("auto", "b1", ReceiptStatus.DELIVRD, T0.plusSeconds(1)));
        driver.send(receipt("auto", "b2", ReceiptStatus.EXPIRED, T0.plusSeconds(2)));

        DeliveryReport report = driver.reports.readValue();
        assertThat(report.getDeliveryStatus()).isEqualTo(DeliveryStatus.Failed);
        assertThat(report.getReason()).isEqualTo(DeliveryReason.CARRIER_EXPIRED);
        assertThat(report.getDeliveryStatusDetails()).startsWith("EXPIRED (err 001)").endsWith("Segment 2 of 2; 1 of 2 segments delivered.");
        assertThat(report.getDeliveryAttempts()).singleElement()
                .satisfies(a -> assertThat(List.of(a.getSegmentsSucceeded(), a.getSegmentsFailed())).containsExactly(1, 1));
    }

    @Test
    void waitsPastAnIntermediateReceiptForTheFinalOne() {
        driver.send(submitted("m", "auto", T0, "c1"));
        driver.send(receipt("auto", "c1", ReceiptStatus.ENROUTE, T0.plusSeconds(1)));
        assertThat(driver.reports.isEmpty()).isTrue();

        driver.send(receipt("auto", "c1", ReceiptStatus.DELIVRD, T0.plusSeconds(2)));

        assertThat(driver.reports.readValue().getDeliveryStatus()).isEqualTo(DeliveryStatus.Delivered);
    }

    @Test
    void turnsDispatchOutcomesWithoutAReceiptIntoFailedReports() {
        driver.send(dispatch("opted-out", DispatchOutcome.OPTED_OUT, T0).setCarrierId(null).build());
        driver.send(dispatch("rejected", DispatchOutcome.REJECTED, T0).setErrorCode(11).setErrorDescription("invalid destination").build());
        driver.send(dispatch("failed", DispatchOutcome.FAILED, T0).setErrorCode(88).setErrorDescription("throttled until expiry").build());
        driver.send(dispatch("expired", DispatchOutcome.EXPIRED, T0).setCarrierId(null).build());

        Map<String, DeliveryReport> reports = driver.reports.readKeyValuesToMap();
        assertThat(reports.values()).allSatisfy(r -> assertThat(r.getDeliveryStatus()).isEqualTo(DeliveryStatus.Failed));
        assertThat(reports.get("opted-out").getDeliveryStatusDetails()).isEqualTo("Sender blocked for given recipient.");
        assertThat(reports.get("opted-out").getReason()).isEqualTo(DeliveryReason.OPTED_OUT);
        assertThat(reports.get("opted-out").getDeliveryAttempts()).isEmpty();
        assertThat(reports.get("rejected").getReason()).isEqualTo(DeliveryReason.SUBMIT_REJECTED);
        assertThat(reports.get("rejected").getDeliveryStatusDetails()).isEqualTo("The carrier refused the message (error 11): invalid destination.");
        assertThat(reports.get("rejected").getCarrierErrorCode()).isEqualTo("11");
        assertThat(reports.get("failed").getReason()).isEqualTo(DeliveryReason.DISPATCH_FAILED);
        assertThat(reports.get("expired").getReason()).isEqualTo(DeliveryReason.EXPIRED);
    }

    @Test
    void followsTheLatestAttemptAfterThrottlingAndIgnoresAStaleEvent() {
        driver.send(dispatch("m", DispatchOutcome.THROTTLED, T0).setRetryAt(T0.plusSeconds(5)).build());
        driver.send(DispatchEvent.newBuilder(submitted("m", "auto", T0.plusSeconds(6), "d1")).setAttempt(2).build());
        driver.send(dispatch("m", DispatchOutcome.RETRYING, T0).setAttempt(1).build());
        driver.send(receipt("auto", "d1", ReceiptStatus.DELIVRD, T0.plusSeconds(7)));

        DeliveryReport report = driver.reports.readValue();
        assertThat(report.getDeliveryStatus()).isEqualTo(DeliveryStatus.Delivered);
        assertThat(driver.messages().get("m").dispatchEvents()).extracting(DispatchView::outcome)
                .containsExactly("THROTTLED", "SUBMITTED", "RETRYING");
    }

    @Test
    void reportsFailedWhenNoReceiptComesWithinTheMessagesOwnTimeout() {
        driver.send(DispatchEvent.newBuilder(submitted("m", "auto", T0, "e1")).setDeliveryReportTimeoutSeconds(300).build());

        driver.advance(Duration.ofSeconds(299));
        assertThat(driver.reports.isEmpty()).isTrue();
        driver.advance(Duration.ofSeconds(2));

        DeliveryReport report = driver.reports.readValue();
        assertThat(report.getDeliveryStatus()).isEqualTo(DeliveryStatus.Failed);
        assertThat(report.getReason()).isEqualTo(DeliveryReason.RECEIPT_TIMEOUT);
        assertThat(report.getDeliveryStatusDetails()).isEqualTo("No delivery receipt from the carrier within 300 seconds.");
    }

    @Test
    void waitsTheConfiguredDefaultTimeoutForAMessageWithoutItsOwn() {
        driver.send(submitted("m", "auto", T0, "f1"));

        driver.advance(ReportTopologyDriver.DEFAULT_TIMEOUT.minusMinutes(1));
        assertThat(driver.reports.isEmpty()).isTrue();
        driver.advance(Duration.ofMinutes(2));

        assertThat(driver.reports.readValue().getReason()).isEqualTo(DeliveryReason.RECEIPT_TIMEOUT);
    }

    @Test
    void recordsAReceiptAfterTheTimeoutReportWithoutASecondReport() {
        driver.send(DispatchEvent.newBuilder(submitted("m", "auto", T0, "g1")).setDeliveryReportTimeoutSeconds(60).build());
        driver.advance(Duration.ofSeconds(61));
        driver.reports.readValue();

        driver.send(receipt("auto", "g1", ReceiptStatus.DELIVRD, T0.plusSeconds(90)));

        assertThat(driver.reports.isEmpty()).isTrue();
        assertThat(driver.messages().get("m").receipts()).singleElement().satisfies(step -> assertThat(step.afterReport()).isTrue());
    }

    @Test
    void writesOneReportWhenTheCarrierRepeatsItsReceipt() {
        driver.send(submitted("m", "auto", T0, "h1"));
        driver.send(receipt("auto", "h1", ReceiptStatus.DELIVRD, T0.plusSeconds(1)));
        driver.send(receipt("auto", "h1", ReceiptStatus.DELIVRD, T0.plusSeconds(2)));

        assertThat(driver.reports.readValuesToList()).hasSize(1);
        assertThat(driver.messages().get("m").receipts()).extracting(MessageTrack.ReceiptStep::duplicate).containsExactly(false, true);
    }

    @Test
    void refusesAGuessedMatchWhoseAddressesDisagree() {
        // "10" read as hex is 16: a decimal receipt "16" for another recipient must not take it.
        driver.send(submitted("m", "auto", T0, "10"));
        driver.send(CarrierReceipt.newBuilder(receipt("auto", "16", ReceiptStatus.DELIVRD, T0.plusSeconds(1))).setHandset("+447700900123").build());
        assertThat(driver.reports.isEmpty()).isTrue();

        driver.send(receipt("auto", "16", ReceiptStatus.DELIVRD, T0.plusSeconds(2)));

        assertThat(driver.reports.readValue().getMessageId()).isEqualTo("m");
    }

    @Test
    void sendsAReceiptNoMessageClaimsToTheDeadLetterTopicAfterTheRetention() {
        driver.send(receipt("auto", "unknown-id", ReceiptStatus.DELIVRD, T0));

        driver.advance(ReportTopologyDriver.HELD_RETENTION.plusSeconds(1));

        var dead = driver.unmatchedReceipts.readRecord();
        assertThat(dead.key()).isEqualTo("auto|unknown-id");
        assertThat(dead.value().getCarrierMessageId()).isEqualTo("unknown-id");
        assertThat(new String(dead.headers().lastHeader("relay.dlq.error.message").value()))
                .contains("matched carrier message id 'unknown-id'");
        assertThat(driver.unmatchedReceipts.isEmpty()).isTrue();
    }

    @Test
    void keepsTheTimelineOfAMessageForSupport() {
        driver.send(submitted("m", "hex-then-decimal", T0, "1f"));
        driver.send(receipt("hex-then-decimal", "31", ReceiptStatus.DELIVRD, T0.plusSeconds(1)));

        MessageTrack track = driver.messages().get("m");
        assertThat(track.dispatchEvents()).extracting(DispatchView::outcome).containsExactly("SUBMITTED");
        assertThat(track.receipts()).singleElement().satisfies(step -> {
            assertThat(step.receipt().carrierMessageId()).isEqualTo("31");
            assertThat(step.matchedBy()).isEqualTo("n:31");
        });
        assertThat(track.report().deliveryStatus()).isEqualTo("Delivered");
    }

    @Test
    void sendsAnUnreadableReceiptToTheDeadLetterTopicAndGoesOn() {
        driver.rawReceipts.pipeInput("auto|x", "not avro".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        driver.send(submitted("after-poison", "auto", T0, "p1"));
        driver.send(receipt("auto", "p1", ReceiptStatus.DELIVRD, T0));

        var dead = driver.receiptDeadLetters.readRecord();
        assertThat(new String(dead.value(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("not avro");
        assertThat(new String(dead.key(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("auto|x");
        assertThat(new String(dead.headers().lastHeader("relay.dlq.topic").value(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("carrier-receipts");
        assertThat(driver.reports.readValue().getMessageId()).isEqualTo("after-poison");
    }
}

package io.relaysms.schemas;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One fully populated record of every topic's value type, every optional field set. */
public final class SampleRecords {

    public static final Instant T0 = Instant.parse("2026-11-27T08:21:17.123Z");

    private SampleRecords() {
    }

    public static SmsRequest smsRequest() {
        return SmsRequest.newBuilder()
                .setMessageId("Outgoing_20261127082117d3b1a7e4-0f7e-4f5a-9a56-6c1f0c7f3b21")
                .setFrom("+18005550100").setTo("+15550000001").setMessage("Your code is 123456")
                .setSegmentCount(1).setEncoding(MessageEncoding.GSM7)
                .setEnableDeliveryReport(true).setTag("order-42").setDeliveryReportTimeoutSeconds(300)
                .setRepeatabilityRequestId("4103189b-99da-41d2-9fa7-10eeb5e2c134").setRepeatabilityFirstSent(T0)
                .setAcceptedAt(T0).setValidUntil(T0.plusSeconds(18000)).setClientRequestId("req-1")
                .setOrigin(RequestOrigin.AUTO_REPLY).setAutoReplyTo("Incoming_1")
                .build();
    }

    public static DispatchEvent dispatchEvent() {
        return DispatchEvent.newBuilder()
                .setMessageId("m-1").setFrom("+18005550100").setTo("+15550000001")
                .setOutcome(DispatchOutcome.SUBMITTED).setAttempt(2).setCarrierId("simulator")
                .setSegmentCount(2).setEncoding(MessageEncoding.UCS2)
                .setSegments(List.of(new SegmentSubmission(1, "0A1B", 0), new SegmentSubmission(2, "0A1C", 0)))
                .setErrorCode(88).setErrorDescription("throttled once").setRetryAt(T0.plusSeconds(1))
                .setSourcePartition(3).setSourceOffset(12345L).setOccurredAt(T0).setRequestAcceptedAt(T0)
                .setValidUntil(T0.plusSeconds(60)).setEnableDeliveryReport(true).setTag("t")
                .setDeliveryReportTimeoutSeconds(60).setOrigin(RequestOrigin.API).setWorkerId("worker-a")
                .build();
    }

    public static CarrierReceipt carrierReceipt() {
        return CarrierReceipt.newBuilder()
                .setCarrierId("simulator").setCarrierMessageId("0A1B").setStatus(ReceiptStatus.UNDELIV)
                .setErrorCode("001").setMessageState(5).setSubmitDate(T0).setDoneDate(T0.plusSeconds(2))
                .setHandset("+15550000001").setOurNumber("+18005550100")
                .setReceiptText("id:2587 sub:001 dlvrd:000 submit date:2611270821 done date:2611270821 stat:UNDELIV err:001 text:Your code")
                .setReceivedAt(T0).build();
    }

    public static InboundMessagePart inboundPart() {
        return InboundMessagePart.newBuilder()
                .setPartId("p-1").setCarrierId("simulator").setFrom("+15550000001").setTo("+18005550100")
                .setDataCoding(8).setEsmClass(0x40)
                .setPayload(ByteBuffer.wrap(new byte[] {5, 0, 3, 42, 2, 1, 0, 0x53}))
                .setSarReferenceNumber(42).setSarTotalSegments(2).setSarSegmentSequence(1).setReceivedAt(T0)
                .build();
    }

    public static InboundMessage inbound() {
        return InboundMessage.newBuilder()
                .setMessageId("Incoming_20261127082117a1").setFrom("+15550000001").setTo("+18005550100")
                .setMessage("STOP please ✋").setReceivedTimestamp(T0).setSegmentCount(2).setComplete(false)
                .setExpectedSegmentCount(3).setCarrierId("simulator").setEncoding(MessageEncoding.UCS2).build();
    }

    public static DeliveryReport deliveryReport() {
        return DeliveryReport.newBuilder()
                .setMessageId("m-1").setFrom("+18005550100").setTo("+15550000001")
                .setDeliveryStatus(DeliveryStatus.Failed).setDeliveryStatusDetails("UNDELIV (err 001)")
                .setDeliveryAttempts(List.of(new DeliveryAttempt(T0, 1, 1)))
                .setReceivedTimestamp(T0).setTag("order-42").setReason(DeliveryReason.CARRIER_UNDELIVERED)
                .setEnableDeliveryReport(true).setSegmentCount(2).setCarrierId("simulator").setCarrierStatus("UNDELIV")
                .setCarrierErrorCode("001").setRequestAcceptedAt(T0).setSubmittedAt(T0).build();
    }

    public static OptOutCommand optOutCommand() {
        return new OptOutCommand("c-1", "+18005550100", "+15550000001", OptOutAction.ADD, T0, "primary-key");
    }

    public static OptOutState optOutState() {
        return new OptOutState("+18005550100", "+15550000001", true, T0, OptOutSource.KEYWORD, "STOP", "Incoming_1", "US");
    }

    public static UsageAggregate usageAggregate() {
        return UsageAggregate.newBuilder()
                .setFrom("+18005550100").setCountry("US").setWindow(UsageWindow.HOUR)
                .setWindowStart(Instant.parse("2026-11-27T08:00:00Z")).setWindowEnd(Instant.parse("2026-11-27T09:00:00Z"))
                .setRequests(100).setSegments(120).setSubmitted(99).setDelivered(90).setFailed(9)
                .setFailedByReason(Map.of("CARRIER_UNDELIVERED", 5L, "RECEIPT_TIMEOUT", 4L)).setExpired(1)
                .setBlockedByOptOut(2).setInbound(3).setOptOuts(1).setOptIns(0).setDeliveryRate(0.909)
                .setReceiptLatencyP50Millis(1200L).setReceiptLatencyP95Millis(4000L).setReceiptLatencyP99Millis(9000L)
                .setUpdatedAt(T0).build();
    }

    /** Every topic value type with its sample. */
    public static List<SpecificRecord> all() {
        return List.of(smsRequest(), dispatchEvent(), carrierReceipt(), inboundPart(), inbound(), deliveryReport(),
                optOutCommand(), optOutState(), usageAggregate());
    }
}

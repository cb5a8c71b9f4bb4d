package io.relaysms.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relaysms.config.RelaySettings;
import io.relaysms.dispatcher.carrier.CarrierConnection;
import io.relaysms.dispatcher.smpp.SmppBind;
import io.relaysms.dispatcher.smpp.SmppConnection;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.DispatchOutcome;
import io.relaysms.schemas.InboundMessagePart;
import io.relaysms.schemas.OptOutSource;
import io.relaysms.schemas.OptOutState;
import io.relaysms.schemas.ReceiptStatus;
import io.relaysms.schemas.RequestOrigin;
import io.relaysms.schemas.SegmentSubmission;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.simulator.CarrierSimulator;
import io.relaysms.simulator.SimulatorSettings;
import io.relaysms.simulator.codec.SegmentInfo;
import io.relaysms.simulator.mo.MoRequest;
import io.relaysms.simulator.record.Submission;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicKeys;
import io.relaysms.topics.TopicSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One dispatcher worker against a real broker and the carrier simulator over real SMPP sessions. */
class SmppDispatchIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    static final String TOLL_FREE = "+18005550100";
    static final String SLOW = "+18005550101";
    static final String SAR = "+18005550102";
    static final String PACED = "+18005550103";
    static final Duration WAIT = Duration.ofSeconds(30);

    static CarrierSimulator carrier;
    static DispatcherService dispatcher;
    static TopicCatalog topics;
    static TestRequests requests;
    static TopicProbe<DispatchEvent> events;

    @BeforeAll
    static void start() {
        carrier = CarrierSimulator.start(SimulatorSettings.of(Map.of("simulator.smpp.port", "0",
                "simulator.admin.port", "0", "simulator.behaviour.receipt.delay.min-ms", "0",
                "simulator.behaviour.receipt.delay.max-ms", "50",
                // one account per route, as with real carriers: receipts come back on the route that sent
                "simulator.accounts.relay.password", "relay", "simulator.accounts.relay-sar.password", "relay")));
        String prefix = kafka.uniquePrefix();
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        settings.put("topics.prefix", prefix);
        settings.put("topics.partitions", "3");
        settings.put("dispatcher.operations.port", "0");
        settings.put("dispatcher.commit.interval.ms", "20");
        settings.put("dispatcher.retry.initial.ms", "100");
        settings.put("dispatcher.retry.max.ms", "400");
        for (String id : List.of("sim", "sar")) {
            settings.put("carriers." + id + ".protocol", "smpp");
            settings.put("carriers." + id + ".host", "127.0.0.1");
            settings.put("carriers." + id + ".port", String.valueOf(carrier.smppPort()));
            settings.put("carriers." + id + ".system-id", id.equals("sim") ? "relay" : "relay-sar");
            settings.put("carriers." + id + ".password", "relay");
            settings.put("carriers." + id + ".reconnect-initial-ms", "100");
            settings.put("carriers." + id + ".reconnect-max-ms", "200");
            settings.put("carriers." + id + ".enquire-link-interval-ms", "1000");
        }
        settings.put("carriers.sar.concatenation", "sar");
        settings.put("numbers." + TOLL_FREE + ".type", "toll-free");
        settings.put("numbers." + TOLL_FREE + ".route", "sim");
        settings.put("numbers." + TOLL_FREE + ".rate-limit.per-minute", "60000");
        settings.put("numbers." + TOLL_FREE + ".rate-limit.burst", "50");
        settings.put("numbers." + SLOW + ".type", "toll-free");
        settings.put("numbers." + SLOW + ".route", "sim");
        settings.put("numbers." + SLOW + ".rate-limit.per-minute", "120");
        settings.put("numbers." + SLOW + ".rate-limit.burst", "1");
        settings.put("numbers." + PACED + ".type", "toll-free");
        settings.put("numbers." + PACED + ".route", "sim");
        settings.put("numbers." + PACED + ".rate-limit.per-minute", "120");
        settings.put("numbers." + PACED + ".rate-limit.burst", "1");
        settings.put("numbers." + SAR + ".type", "toll-free");
        settings.put("numbers." + SAR + ".route", "sar");
        settings.put("numbers." + SAR + ".rate-limit.per-minute", "60000");
        dispatcher = DispatcherService.start(RelaySettings.of(settings));
        topics = TopicCatalog.create(new TopicSettings(prefix, 3, (short) -1), Map.of());
        requests = new TestRequests(kafka.bootstrapServers(), topics.smsRequests());
        events = new TopicProbe<>(kafka.bootstrapServers(), topics.dispatchEvents().name(),
                topics.dispatchEvents().valueSerde().deserializer());
        await().atMost(WAIT).until(dispatcher::hasJoinedGroup);
    }

    @AfterAll
    static void stop() {
        events.close();
        requests.close();
        dispatcher.close();
        carrier.close();
    }

    private static List<DispatchEvent> eventsOf(String messageId) {
        return events.values(e -> e.getMessageId().equals(messageId));
    }

    private static DispatchEvent finalEventOf(String messageId) {
        await().atMost(WAIT).until(() -> eventsOf(messageId).stream().anyMatch(SmppDispatchIT::isFinal));
        return eventsOf(messageId).stream().filter(SmppDispatchIT::isFinal).findFirst().orElseThrow();
    }

    private static boolean isFinal(DispatchEvent e) {
        return e.getOutcome() != DispatchOutcome.THROTTLED && e.getOutcome() != DispatchOutcome.RETRYING;
    }

    private static List<Submission> submissionsTo(String recipient) {
        return carrier.submissions().stream().filter(s -> ("+" + s.destAddr()).equals(recipient)).toList();
    }

    private static SmsRequest send(SmsRequest request) {
        requests.send(request);
        requests.flush();
        return request;
    }

    @Test
    void submitsALongMessageAsUdhPartsAndRecordsEachCarrierIdAsTheCarrierWroteIt() {
        SmsRequest request = send(TestRequests.request(TOLL_FREE, "+14255550101", "long ".repeat(40)).build());

        DispatchEvent event = finalEventOf(request.getMessageId());

        assertThat(event.getOutcome()).isEqualTo(DispatchOutcome.SUBMITTED);
        assertThat(event.getSegmentCount()).isEqualTo(2);
        List<Submission> parts = submissionsTo("+14255550101");
        assertThat(parts).hasSize(2).allSatisfy(s -> assertThat(s.segment().method()).isEqualTo(SegmentInfo.Method.UDH_8BIT_REF));
        assertThat(event.getSegments()).extracting(SegmentSubmission::getCarrierMessageId)
                .containsExactly(parts.get(0).messageId().orElseThrow(), parts.get(1).messageId().orElseThrow());
        assertThat(parts.get(0).text().orElseThrow() + parts.get(1).text().orElseThrow()).isEqualTo("long ".repeat(40));
        assertThat(event.getSourcePartition()).isBetween(0, 2);
        assertThat(event.getTag()).isEqualTo("test");
        assertThat(event.getCarrierId()).isEqualTo("sim");
    }

    @Test
    void sendsPartsWithSarTlvsWhereTheCarrierWantsThem() {
        SmsRequest request = send(TestRequests.request(SAR, "+14255550102", "ж".repeat(100)).build());

        assertThat(finalEventOf(request.getMessageId()).getOutcome()).isEqualTo(DispatchOutcome.SUBMITTED);
        assertThat(submissionsTo("+14255550102")).hasSize(2).allSatisfy(s -> {
            assertThat(s.segment().method()).isEqualTo(SegmentInfo.Method.SAR_TLV);
            assertThat(s.dataCoding()).isEqualTo(8);
        });
    }

    @Test
    void doesNotSendToARecipientWhoOptedOutButStillSendsTheConfirmation() throws Exception {
        String recipient = "+14255550103";
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            OptOutState state = OptOutState.newBuilder().setFrom(TOLL_FREE).setTo(recipient).setOptedOut(true)
                    .setChangedAt(Instant.now()).setSource(OptOutSource.KEYWORD).setKeyword("STOP").build();
            producer.send(new ProducerRecord<>(topics.optOuts().name(),
                    TopicKeys.optOut(TOLL_FREE, recipient).getBytes(StandardCharsets.UTF_8),
                    topics.optOuts().valueSerde().serializer().serialize(topics.optOuts().name(), state))).get();
        }
        await().atMost(WAIT).until(() -> dispatcher.registry().get("dispatcher.optouts").gauge().value() >= 1);

        SmsRequest blocked = send(TestRequests.request(TOLL_FREE, recipient, "promo").build());
        SmsRequest confirmation = send(TestRequests.request(TOLL_FREE, recipient, "You are unsubscribed")
                .setOrigin(RequestOrigin.AUTO_REPLY).build());

        assertThat(finalEventOf(blocked.getMessageId()).getOutcome()).isEqualTo(DispatchOutcome.OPTED_OUT);
        assertThat(finalEventOf(confirmation.getMessageId()).getOutcome()).isEqualTo(DispatchOutcome.SUBMITTED);
        assertThat(submissionsTo(recipient)).extracting(s -> s.text().orElse("")).containsExactly("You are unsubscribed");
    }

    @Test
    void recordsAnExpiredMessageWithoutSendingIt() {
        SmsRequest request = send(TestRequests.request(TOLL_FREE, "+14255550104", "too late")
                .setValidUntil(Instant.now().minusSeconds(1)).build());

        DispatchEvent event = finalEventOf(request.getMessageId());

        assertThat(event.getOutcome()).isEqualTo(DispatchOutcome.EXPIRED);
        assertThat(event.getCarrierId()).isNull();
        assertThat(submissionsTo("+14255550104")).isEmpty();
    }

    @Test
    void backsOffWhileTheCarrierThrottlesAndSubmitsOnceItStops() {
        String recipient = "+14255550105";
        carrier.putRule("busy", Map.of("numbers", recipient, "submit-error.status", "ESME_RTHROTTLED"));
        SmsRequest request = send(TestRequests.request(TOLL_FREE, recipient, "eventually").build());

        await().atMost(WAIT).until(() -> eventsOf(request.getMessageId()).size() >= 3);
        carrier.removeRule("busy");
        DispatchEvent last = finalEventOf(request.getMessageId());

        List<DispatchEvent> throttled = eventsOf(request.getMessageId()).stream()
                .filter(e -> e.getOutcome() == DispatchOutcome.THROTTLED).toList();
        assertThat(throttled).hasSizeGreaterThanOrEqualTo(3).allSatisfy(e -> assertThat(e.getErrorCode()).isEqualTo(0x58));
        Duration firstGap = Duration.between(throttled.get(0).getOccurredAt(), throttled.get(0).getRetryAt());
        Duration thirdGap = Duration.between(throttled.get(2).getOccurredAt(), throttled.get(2).getRetryAt());
        assertThat(thirdGap).isGreaterThan(firstGap);
        assertThat(last.getOutcome()).isEqualTo(DispatchOutcome.SUBMITTED);
        assertThat(last.getAttempt()).isGreaterThan(throttled.size());
    }

    @Test
    void failsAMessageWhoseValidityEndsWhileTheCarrierKeepsThrottling() {
        String recipient = "+14255550116";
        carrier.putRule("always-busy", Map.of("numbers", recipient, "submit-error.status", "ESME_RTHROTTLED"));
        try {
            SmsRequest request = send(TestRequests.request(TOLL_FREE, recipient, "never")
                    .setValidUntil(Instant.now().plusSeconds(2)).build());

            DispatchEvent event = finalEventOf(request.getMessageId());

            assertThat(event.getOutcome()).isEqualTo(DispatchOutcome.FAILED);
            assertThat(event.getErrorCode()).isEqualTo(0x58);
            assertThat(event.getErrorDescription()).contains("retries exhausted");
            assertThat(event.getAttempt()).isGreaterThan(1);
        } finally {
            carrier.removeRule("always-busy");
        }
    }

    @Test
    void rejectsWhatTheCarrierRefusesForGood() {
        String recipient = "+14255550106";
        carrier.putRule("bad-address", Map.of("numbers", recipient, "submit-error.status", "ESME_RINVDSTADR"));
        try {
            SmsRequest request = send(TestRequests.request(TOLL_FREE, recipient, "nowhere").build());

            DispatchEvent event = finalEventOf(request.getMessageId());

            assertThat(event.getOutcome()).isEqualTo(DispatchOutcome.REJECTED);
            assertThat(event.getErrorCode()).isEqualTo(0x0B);
            assertThat(event.getErrorDescription()).contains("ESME_RINVDSTADR");
        } finally {
            carrier.removeRule("bad-address");
        }
    }

    @Test
    void rejectsARequestFromANumberTheDeploymentDoesNotOwn() {
        SmsRequest request = send(TestRequests.request("+18005550199", "+14255550107", "who am I").build());

        DispatchEvent event = finalEventOf(request.getMessageId());

        assertThat(event.getOutcome()).isEqualTo(DispatchOutcome.REJECTED);
        assertThat(event.getErrorDescription()).contains("not a number this deployment owns");
    }

    @Test
    void reconnectsAfterTheSmscDropsTheConnection() {
        SmppConnection sim = (SmppConnection) dispatcher.carriers().get("sim");
        long bindsBefore = sim.binds().stream().mapToLong(SmppBind::bindCount).sum();

        carrier.dropBinds(false);

        await().atMost(WAIT).until(() -> sim.binds().stream().mapToLong(SmppBind::bindCount).sum() > bindsBefore
                && sim.isAvailable());
        SmsRequest request = send(TestRequests.request(TOLL_FREE, "+14255550108", "after the drop").build());
        assertThat(finalEventOf(request.getMessageId()).getOutcome()).isEqualTo(DispatchOutcome.SUBMITTED);
    }

    @Test
    void neverSendsANumberFasterThanItsLimit() {
        String recipient = "+14255550109";
        for (int i = 0; i < 5; i++) {
            send(TestRequests.request(PACED, recipient, "paced " + i).build());
        }

        await().atMost(WAIT).until(() -> submissionsTo(recipient).size() == 5);

        // 120/min with a burst of 1 starting from an empty bucket: one every 500 ms, so five take at least 2 s
        // from the first (a little is allowed for the SMSC's own clock reading).
        List<Instant> times = submissionsTo(recipient).stream().map(Submission::receivedAt).toList();
        assertThat(Duration.between(times.get(0), times.get(4))).isGreaterThan(Duration.ofMillis(1900));
    }

    @Test
    void aNumberWaitingForItsBucketDoesNotHoldUpAnotherNumber() {
        String slowRecipient = "+14255550110";
        String fastRecipient = "+14255550111";
        for (int i = 0; i < 4; i++) {
            send(TestRequests.request(SLOW, slowRecipient, "queued " + i).build());
        }
        SmsRequest fast = send(TestRequests.request(TOLL_FREE, fastRecipient, "right away").build());

        assertThat(finalEventOf(fast.getMessageId()).getOutcome()).isEqualTo(DispatchOutcome.SUBMITTED);
        assertThat(submissionsTo(slowRecipient).size()).isLessThan(4);
        await().atMost(WAIT).until(() -> submissionsTo(slowRecipient).size() == 4);
    }

    @Test
    void submitsAMessageIdOnlyOnceEvenWhenTheRequestIsWrittenTwice() {
        SmsRequest request = TestRequests.request(TOLL_FREE, "+14255550112", "once").build();
        send(request);
        send(request);
        SmsRequest marker = send(TestRequests.request(TOLL_FREE, "+14255550112", "marker").build());

        finalEventOf(marker.getMessageId());

        assertThat(submissionsTo("+14255550112")).extracting(s -> s.text().orElse("")).containsExactly("once", "marker");
        assertThat(eventsOf(request.getMessageId())).hasSize(1);
    }

    @Test
    void sendsAnUnreadableRequestToTheDeadLetterTopicAndGoesOn() {
        requests.sendRaw(TOLL_FREE, "not avro".getBytes(StandardCharsets.UTF_8));
        SmsRequest after = send(TestRequests.request(TOLL_FREE, "+14255550113", "next").build());

        assertThat(finalEventOf(after.getMessageId()).getOutcome()).isEqualTo(DispatchOutcome.SUBMITTED);
        try (TopicProbe<byte[]> dlq = new TopicProbe<>(kafka.bootstrapServers(),
                topics.deadLetters(topics.smsRequests()).name(), (topic, bytes) -> bytes)) {
            await().atMost(WAIT).until(() -> dlq.values(v -> new String(v, StandardCharsets.UTF_8).equals("not avro")).size() == 1);
            assertThat(new String(dlq.poll().get(0).headers().lastHeader("relay.dlq.error.class").value(), StandardCharsets.UTF_8))
                    .contains("AvroDecodingException");
        }
    }

    @Test
    void publishesReceiptsAndInboundMessagesAfterKafkaTookThem() {
        SmsRequest request = send(TestRequests.request(TOLL_FREE, "+14255550114", "receipt please").build());
        String carrierId = finalEventOf(request.getMessageId()).getSegments().get(0).getCarrierMessageId();
        carrier.injectMo(MoRequest.of("+14255550115", TOLL_FREE, "STOP"));

        try (TopicProbe<CarrierReceipt> receipts = new TopicProbe<>(kafka.bootstrapServers(), topics.carrierReceipts().name(),
                topics.carrierReceipts().valueSerde().deserializer());
             TopicProbe<InboundMessagePart> inbound = new TopicProbe<>(kafka.bootstrapServers(), topics.inboundParts().name(),
                     topics.inboundParts().valueSerde().deserializer())) {
            await().atMost(WAIT).until(() -> receipts.poll().stream().anyMatch(r -> r.key().equals("sim|" + carrierId)));
            CarrierReceipt receipt = receipts.values(r -> r.getCarrierMessageId().equals(carrierId)).get(0);
            assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.DELIVRD);
            assertThat(receipt.getHandset()).isEqualTo("+14255550114");
            assertThat(receipt.getOurNumber()).isEqualTo(TOLL_FREE);
            assertThat(receipt.getMessageState()).isEqualTo(2);

            await().atMost(WAIT).until(() -> !inbound.values(p -> p.getFrom().equals("+14255550115")).isEmpty());
            InboundMessagePart part = inbound.values(p -> p.getFrom().equals("+14255550115")).get(0);
            assertThat(part.getTo()).isEqualTo(TOLL_FREE);
            assertThat(part.getDataCoding()).isZero();
            assertThat(StandardCharsets.ISO_8859_1.decode(part.getPayload()).toString()).isEqualTo("STOP");
            assertThat(inbound.poll().get(0).key()).isEqualTo(TOLL_FREE);
        }
    }

    @Test
    void servesHealthAndMetrics() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI base = URI.create("http://127.0.0.1:" + dispatcher.operationsPort());

        await().atMost(WAIT).until(() -> http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        String health = http.send(HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(health).contains("\"carrier.sim\"").contains("binds bound");
        assertThat(metrics).contains("dispatcher_outcomes_total").contains("dispatcher_inflight_abandoned_total");
    }

    @Test
    void everyCarrierConnectionIsBoundAfterStart() {
        assertThat(dispatcher.carriers().values()).allSatisfy(c -> assertThat(((CarrierConnection) c).isAvailable()).isTrue());
    }
}

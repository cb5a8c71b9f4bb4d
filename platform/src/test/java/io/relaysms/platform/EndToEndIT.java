package io.relaysms.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.DeliveryReason;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DeliveryStatus;
import io.relaysms.simulator.CarrierSimulator;
import io.relaysms.simulator.mo.MoRequest;
import io.relaysms.simulator.record.Submission;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.TransactionListing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform as a client sees it: signed HTTPS requests to the API, real SMPP to the carrier simulator, the reports
 * read back from {@code sms-delivery-reports} with the Avro serde, opt-outs from a handset's own STOP and START, and
 * the usage aggregates counting all of it. One platform for the class on the shared broker under its own prefix; each
 * test has its own sending number, so its usage counts are its own.
 */
class EndToEndIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String BULK_SENDER = "+18005550100";
    private static final String OPT_OUT_SENDER = "+18005550101";
    private static final String HANDSET = "+14255550177";
    private static final String LONG_CODE = "+14255550100";

    @TempDir
    static Path data;

    private static String prefix;
    private static RelayPlatform platform;
    private static CarrierSimulator carrier;
    private static AcsClient client;
    private static TopicTail<DeliveryReport> reports;

    @BeforeAll
    static void startPlatform() {
        prefix = kafka.uniquePrefix();
        Map<String, String> settings = PlatformUnderTest.onBroker(data, kafka.bootstrapServers(), prefix);
        PlatformUnderTest.withNumbers(settings, List.of(BULK_SENDER, OPT_OUT_SENDER), 60_000, 100);
        platform = PlatformUnderTest.start(settings);
        carrier = platform.simulator().orElseThrow();
        client = new AcsClient(platform);
        reports = new TopicTail<>(kafka.bootstrapServers(), PlatformUnderTest.topics(platform).deliveryReports());
    }

    @AfterAll
    static void stopPlatform() {
        if (reports != null) {
            reports.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private record Expected(DeliveryStatus status, DeliveryReason reason, String carrierStatus) {
    }

    @Test
    void everyRecipientOfABulkSendGetsExactlyOneReportWithTheOutcomeTheCarrierGave() {
        List<String> recipients = IntStream.range(0, 100).mapToObj(i -> String.format("+1425555%04d", 3000 + i)).toList();
        Map<String, Expected> byRecipient = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            byRecipient.put(recipients.get(i), i < 60 ? new Expected(DeliveryStatus.Delivered, DeliveryReason.DELIVERED, "DELIVRD")
                    : i < 70 ? new Expected(DeliveryStatus.Failed, DeliveryReason.CARRIER_UNDELIVERED, "UNDELIV")
                    : i < 80 ? new Expected(DeliveryStatus.Failed, DeliveryReason.CARRIER_EXPIRED, "EXPIRED")
                    : i < 90 ? new Expected(DeliveryStatus.Failed, DeliveryReason.CARRIER_REJECTED, "REJECTD")
                    : new Expected(DeliveryStatus.Failed, DeliveryReason.SUBMIT_REJECTED, null));
        }
        Map<String, Map<String, String>> rules = Map.of(
                "e2e-undelivered", Map.of("numbers", numbers(recipients, 60, 70), "receipt.outcomes", "UNDELIV:1"),
                "e2e-expired", Map.of("numbers", numbers(recipients, 70, 80), "receipt.outcomes", "EXPIRED:1"),
                "e2e-rejected", Map.of("numbers", numbers(recipients, 80, 90), "receipt.outcomes", "REJECTD:1"),
                "e2e-refused-at-submit", Map.of("numbers", numbers(recipients, 90, 100), "submit-error.status", "ESME_RINVDSTADR"));
        rules.forEach(carrier::putRule);
        try {
            HttpResponse<String> answer = client.send(BULK_SENDER, recipients, "Bulk end-to-end");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            List<String> ids = AcsClient.messageIds(answer);
            assertThat(ids).hasSize(100).doesNotHaveDuplicates();

            await().atMost(WAIT).until(() -> reportedIds(ids).containsAll(ids));
            await().atMost(WAIT).untilAsserted(() -> assertThat(usage(BULK_SENDER)).containsAllEntriesOf(Map.of(
                    "requests", 100L, "segments", 100L, "submitted", 90L, "delivered", 60L, "failed", 40L, "blockedByOptOut", 0L,
                    "failed.CARRIER_UNDELIVERED", 10L, "failed.CARRIER_EXPIRED", 10L, "failed.CARRIER_REJECTED", 10L,
                    "failed.SUBMIT_REJECTED", 10L)));

            // Read after the usage counts settled (they count every report), so a late second report would show.
            Map<String, List<DeliveryReport>> reportsById = reports.values().stream().filter(r -> ids.contains(r.getMessageId().toString()))
                    .collect(Collectors.groupingBy(r -> r.getMessageId().toString()));
            assertThat(reportsById).hasSize(100).allSatisfy((id, reportsOfOne) -> assertThat(reportsOfOne).hasSize(1));
            for (int i = 0; i < 100; i++) {
                DeliveryReport report = reportsById.get(ids.get(i)).get(0);
                Expected expected = byRecipient.get(recipients.get(i));
                assertThat(report.getTo().toString()).isEqualTo(recipients.get(i));
                assertThat(report.getDeliveryStatus()).as(recipients.get(i)).isEqualTo(expected.status());
                assertThat(report.getReason()).as(recipients.get(i)).isEqualTo(expected.reason());
                if (expected.carrierStatus() != null) {
                    assertThat(String.valueOf(report.getCarrierStatus())).as(recipients.get(i)).isEqualTo(expected.carrierStatus());
                }
            }
        } finally {
            rules.keySet().forEach(carrier::removeRule);
        }
    }

    private static String numbers(List<String> recipients, int from, int to) {
        return String.join(",", recipients.subList(from, to));
    }

    @Test
    void aHandsetThatRepliesStopIsBlockedUntilItSendsStart() throws Exception {
        carrier.putRule("e2e-stop-sayer", Map.of("numbers", HANDSET, "reply.text", "STOP"));
        String first;
        try {
            first = sendOne(OPT_OUT_SENDER, HANDSET, "First, before any STOP");
            assertThat(awaitReport(first).getDeliveryStatus()).isEqualTo(DeliveryStatus.Delivered);
            await().atMost(WAIT).until(() -> optedOut(OPT_OUT_SENDER, HANDSET));
        } finally {
            carrier.removeRule("e2e-stop-sayer");
        }
        // The dispatcher follows sms-optouts on its own; wait until its table holds the pair, as a client cannot.
        await().atMost(WAIT).until(() -> platform.dispatcher().registry().get("dispatcher.optouts").gauge().value() >= 1);

        String blocked = sendOne(OPT_OUT_SENDER, HANDSET, "Second, after STOP");
        DeliveryReport blockedReport = awaitReport(blocked);
        assertThat(blockedReport.getDeliveryStatus()).isEqualTo(DeliveryStatus.Failed);
        assertThat(blockedReport.getReason()).isEqualTo(DeliveryReason.OPTED_OUT);
        assertThat(blockedReport.getDeliveryStatusDetails().toString()).isEqualTo("Sender blocked for given recipient.");
        HttpResponse<String> acsStatus = PlatformUnderTest.get(PlatformUnderTest.trackerUrl(platform, "/deliveryReports/" + blocked));
        assertThat(acsStatus.statusCode()).isEqualTo(200);
        assertThat(AcsClient.JSON.readTree(acsStatus.body()).get("deliveryStatusDetails").asText())
                .isEqualTo("Sender blocked for given recipient.");

        carrier.injectMo(MoRequest.of(HANDSET, OPT_OUT_SENDER, "START"));
        await().atMost(WAIT).until(() -> !optedOut(OPT_OUT_SENDER, HANDSET));
        await().atMost(WAIT).until(() -> platform.dispatcher().registry().get("dispatcher.optouts").gauge().value() == 0);

        String third = sendOne(OPT_OUT_SENDER, HANDSET, "Third, after START");
        assertThat(awaitReport(third).getDeliveryStatus()).isEqualTo(DeliveryStatus.Delivered);

        List<String> textsAtCarrier = carrier.submissions().stream()
                .filter(s -> s.destAddr().endsWith(HANDSET.substring(1)) && s.sourceAddr().endsWith(OPT_OUT_SENDER.substring(1)))
                .filter(Submission::accepted).map(s -> s.text().orElse("")).toList();
        assertThat(textsAtCarrier).containsExactly("First, before any STOP", "Third, after START");

        // Toll-free carriers confirm STOP and START themselves, so Relay sends no auto-reply: three requests in all.
        await().atMost(WAIT).untilAsserted(() -> assertThat(usage(OPT_OUT_SENDER)).containsAllEntriesOf(Map.of(
                "requests", 3L, "segments", 3L, "submitted", 2L, "delivered", 2L, "failed", 1L, "failed.OPTED_OUT", 1L,
                "blockedByOptOut", 1L, "inbound", 2L, "optOuts", 1L, "optIns", 1L)));
        assertThat(reports.values().stream().map(r -> r.getMessageId().toString()).filter(Set.of(first, blocked, third)::contains))
                .hasSize(3);
    }

    /**
     * Deployments (and tests) share a cluster by {@code topics.prefix}: every consumer group, Streams application and
     * transactional id a Relay service creates must carry it, or two of them would fence or rebalance each other.
     */
    @Test
    void everyGroupAndTransactionalIdOnTheSharedBrokerCarriesItsPrefix() throws Exception {
        String sent = sendOne(LONG_CODE, "+14255553500", "Prefix check");
        awaitReport(sent);
        Pattern testPrefix = Pattern.compile("t[0-9a-f]{8}\\..+");
        try (Admin admin = Admin.create(kafka.clientProperties(Map.of()))) {
            List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId).toList();
            List<String> ours = groups.stream().filter(g -> g.startsWith(prefix)).toList();
            assertThat(ours).contains(prefix + "relay-dispatcher", prefix + "relay-delivery-tracker-reports",
                    prefix + "relay-delivery-tracker-inbound", prefix + "relay-optout-processor");
            assertThat(groups).filteredOn(g -> !g.startsWith("test-reader-") && !g.startsWith("probe-"))
                    .allMatch(g -> testPrefix.matcher(g).matches());
            List<String> transactionalIds = admin.listTransactions().all().get().stream()
                    .map(TransactionListing::transactionalId).toList();
            assertThat(transactionalIds).anyMatch(id -> id.startsWith(prefix + "relay-api-"))
                    .anyMatch(id -> id.startsWith(prefix + "relay-dispatcher-"))
                    .allMatch(id -> testPrefix.matcher(id).matches());
        }
    }

    private static String sendOne(String from, String to, String text) {
        HttpResponse<String> answer = client.send(from, List.of(to), text);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return AcsClient.messageIds(answer).get(0);
    }

    private static Set<String> reportedIds(List<String> ids) {
        return reports.values().stream().map(r -> r.getMessageId().toString()).filter(ids::contains).collect(Collectors.toSet());
    }

    private static DeliveryReport awaitReport(String messageId) {
        return await().atMost(WAIT).until(() -> reports.values().stream()
                .filter(r -> r.getMessageId().toString().equals(messageId)).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static boolean optedOut(String from, String to) throws Exception {
        HttpResponse<String> answer = PlatformUnderTest.get("http://127.0.0.1:" + platform.optOuts().httpPort() + "/optouts/"
                + URLEncoder.encode(from, StandardCharsets.UTF_8) + "/" + URLEncoder.encode(to, StandardCharsets.UTF_8));
        return answer.statusCode() == 200 && AcsClient.JSON.readTree(answer.body()).get("optedOut").asBoolean();
    }

    /** The day windows of one sending number, summed over windows and countries; failedByReason as failed.REASON. */
    private static Map<String, Long> usage(String from) throws Exception {
        HttpResponse<String> answer = PlatformUnderTest.get("http://127.0.0.1:" + platform.optOuts().httpPort() + "/usage/"
                + URLEncoder.encode(from, StandardCharsets.UTF_8) + "?window=day");
        Map<String, Long> totals = new TreeMap<>();
        if (answer.statusCode() != 200) {
            totals.put("http." + answer.statusCode(), 1L);
            return totals;
        }
        for (JsonNode window : AcsClient.JSON.readTree(answer.body()).get("value")) {
            for (String field : List.of("requests", "segments", "submitted", "delivered", "failed", "expired", "blockedByOptOut",
                    "inbound", "optOuts", "optIns")) {
                totals.merge(field, window.get(field).asLong(), Long::sum);
            }
            window.get("failedByReason").fields().forEachRemaining(e -> totals.merge("failed." + e.getKey(), e.getValue().asLong(), Long::sum));
        }
        return totals;
    }
}

package io.relaysms.optout.connect;

import static io.relaysms.optout.TestSettings.FRENCH_HANDSET;
import static io.relaysms.optout.TestSettings.HANDSET;
import static io.relaysms.optout.TestSettings.LONG_CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.kafka.testing.TopicReader;
import io.relaysms.optout.ProcessorHarness;
import io.relaysms.schemas.DeliveryAttempt;
import io.relaysms.schemas.DeliveryReason;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DeliveryStatus;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.schemas.MessageEncoding;
import io.relaysms.schemas.SmsRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relay's analytics topics into PostgreSQL through a real Kafka Connect worker: Kafka's standalone runtime, the
 * Debezium JDBC sink from Maven Central, Relay's converter loaded from its plugin zip on plugin.path (it is not on
 * this test's classpath), the worker and connector configurations exactly as the repository's {@code connect/}
 * folder holds them but for where the broker and database are. Usage rows come from the real opt-out processor; an
 * unreadable record goes to the sink's dead-letter topic without stopping it.
 */
class ConnectJdbcSinkIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    private static final Path CONFIGS = Path.of(System.getProperty("relay.test.connect.configs", "../connect"));
    private static final Path PLUGINS = Path.of(System.getProperty("relay.test.connect.plugin.path", "../deploy/connect-plugins/target/connect-plugins"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void deliveryReportsInboundAndUsageLandInPostgresAndUsageRowsAreUpdatedInPlace(@TempDir Path state, @TempDir Path offsets)
            throws Exception {
        assertThatThrownBy(() -> Class.forName("io.relaysms.connect.RelayAvroConverter"))
                .as("the converter must come from the plugin zip, not from the test classpath")
                .isInstanceOf(ClassNotFoundException.class);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        try (TestPostgres postgres = TestPostgres.start();
             ProcessorHarness relay = new ProcessorHarness(kafka, state)) {
            relay.start();
            request(relay, now);
            request(relay, now);
            relay.sendRaw(relay.topics.deliveryReports().name(), "Outgoing_garbage", "not a delivery report".getBytes());
            String delivered = report(relay, DeliveryStatus.Delivered, DeliveryReason.DELIVERED, now);
            String failed = report(relay, DeliveryStatus.Failed, DeliveryReason.RECEIPT_TIMEOUT, now);
            relay.send(relay.topics.inbound(), LONG_CODE, InboundMessage.newBuilder().setMessageId("Incoming_1").setFrom(FRENCH_HANDSET)
                    .setTo(LONG_CODE).setMessage("Bonjour, à quelle heure ?").setReceivedTimestamp(now).setSegmentCount(1).build(), now);

            try (ConnectWorker worker = ConnectWorker.start(CONFIGS.resolve("connect-standalone.properties"), Map.of(
                    "bootstrap.servers", kafka.bootstrapServers(),
                    "plugin.path", PLUGINS.toAbsolutePath().toString(),
                    "plugin.discovery", "service_load",
                    "offset.storage.file.filename", offsets.resolve("connect.offsets").toString(),
                    "listeners", "http://127.0.0.1:0"))) {
                for (String sink : List.of("delivery-reports", "inbound", "usage-hourly", "usage-daily")) {
                    Path file = CONFIGS.resolve("jdbc-sink-" + sink + ".json");
                    String topic = JSON.readTree(file.toFile()).at("/config/topics").asText();
                    worker.putConnector(file, Map.of(
                            "topics", relay.prefix + topic,
                            "errors.deadletterqueue.topic.name", relay.prefix + topic + "-sink-dlq",
                            "connection.url", postgres.jdbcUrl(),
                            "connection.username", postgres.user()));
                }

                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    assertThat(postgres.hasTable("relay_delivery_reports")).isTrue();
                    assertThat(postgres.rows("SELECT count(*) AS n FROM relay_delivery_reports").get(0).get("n")).isEqualTo(2L);
                });
                Map<String, Object> report = postgres.rows("SELECT \"delivery_status\", \"reason\", \"delivery_attempts\", \"to\", "
                        + "(extract(epoch FROM \"received_timestamp\") * 1000)::bigint AS received_ms FROM relay_delivery_reports "
                        + "WHERE \"message_id\" = '" + delivered + "'").get(0);
                assertThat(report.get("delivery_status")).isEqualTo("Delivered");
                assertThat(report.get("reason")).isEqualTo("DELIVERED");
                assertThat(report.get("to")).isEqualTo(HANDSET);
                assertThat(report.get("received_ms")).isEqualTo(now.toEpochMilli());
                JsonNode attempts = JSON.readTree((String) report.get("delivery_attempts"));
                assertThat(attempts.get(0).get("segments_succeeded").asInt()).isEqualTo(2);
                assertThat(postgres.rows("SELECT column_name, data_type FROM information_schema.columns "
                        + "WHERE table_name = 'relay_delivery_reports' AND column_name IN ('delivery_attempts', 'received_timestamp', 'segment_count')"))
                        .extracting(row -> row.get("column_name") + " " + row.get("data_type"))
                        .containsExactlyInAnyOrder("delivery_attempts text", "received_timestamp timestamp without time zone",
                                "segment_count integer");
                assertThat(postgres.rows("SELECT \"reason\" FROM relay_delivery_reports WHERE \"message_id\" = '" + failed + "'")
                        .get(0).get("reason")).isEqualTo("RECEIPT_TIMEOUT");

                List<ConsumerRecord<byte[], byte[]>> dead = TopicReader.readAtLeast(kafka.bootstrapServers(),
                        relay.prefix + "sms-delivery-reports-sink-dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer(), 1,
                        Duration.ofSeconds(30));
                assertThat(dead).extracting(r -> new String(r.value())).containsExactly("not a delivery report");

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(postgres.hasTable("relay_inbound_messages")
                        && !postgres.rows("SELECT \"message\" FROM relay_inbound_messages").isEmpty()).isTrue());
                assertThat(postgres.rows("SELECT \"message\", \"from\", \"to\" FROM relay_inbound_messages").get(0))
                        .containsEntry("message", "Bonjour, à quelle heure ?").containsEntry("from", FRENCH_HANDSET);

                String usageRow = "SELECT \"requests\", \"segments\", \"delivered\", \"failed\", \"failed_by_reason\", \"inbound\" "
                        + "FROM %s WHERE \"from\" = '" + LONG_CODE + "' AND \"country\" = 'US'";
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(postgres.hasTable("relay_usage_hourly")).isTrue();
                    List<Map<String, Object>> rows = postgres.rows(usageRow.formatted("relay_usage_hourly"));
                    assertThat(rows).hasSize(1);
                    assertThat(rows.get(0)).containsEntry("requests", 2L).containsEntry("segments", 4L)
                            .containsEntry("delivered", 1L).containsEntry("failed", 1L)
                            .containsEntry("failed_by_reason", "{\"RECEIPT_TIMEOUT\":1}");
                });
                assertThat(postgres.rows("SELECT (extract(epoch FROM \"window_start\") * 1000)::bigint AS start_ms FROM relay_usage_hourly"
                        + " WHERE \"from\" = '" + LONG_CODE + "' AND \"country\" = 'US'").get(0).get("start_ms")).isEqualTo(hour.toEpochMilli());

                request(relay, now);

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(postgres.rows(usageRow.formatted("relay_usage_hourly"))).singleElement()
                            .satisfies(row -> assertThat(row).containsEntry("requests", 3L));
                    assertThat(postgres.rows(usageRow.formatted("relay_usage_daily"))).singleElement()
                            .satisfies(row -> assertThat(row).containsEntry("requests", 3L));
                });
                assertThat(worker.plugins().findValues("class")).extracting(JsonNode::asText)
                        .contains("io.relaysms.connect.RelayAvroConverter", "io.debezium.connector.jdbc.JdbcSinkConnector");
            }
        }
    }

    private static void request(ProcessorHarness relay, Instant at) {
        relay.send(relay.topics.smsRequests(), LONG_CODE, SmsRequest.newBuilder().setMessageId("Outgoing_" + UUID.randomUUID())
                .setFrom(LONG_CODE).setTo(HANDSET).setMessage("Your code is 123456").setSegmentCount(2).setEncoding(MessageEncoding.GSM7)
                .setAcceptedAt(at).setValidUntil(at.plusSeconds(3600)).build(), at);
    }

    private static String report(ProcessorHarness relay, DeliveryStatus status, DeliveryReason reason, Instant at) {
        String id = "Outgoing_" + UUID.randomUUID();
        relay.send(relay.topics.deliveryReports(), id, DeliveryReport.newBuilder().setMessageId(id).setFrom(LONG_CODE).setTo(HANDSET)
                .setDeliveryStatus(status).setDeliveryStatusDetails(status == DeliveryStatus.Delivered ? "No error." : "Receipt timed out.")
                .setDeliveryAttempts(List.of(new DeliveryAttempt(at, status == DeliveryStatus.Delivered ? 2 : 0,
                        status == DeliveryStatus.Delivered ? 0 : 2)))
                .setReceivedTimestamp(at).setReason(reason).setSegmentCount(2).setSubmittedAt(at.minusSeconds(3)).build(), at);
        return id;
    }
}

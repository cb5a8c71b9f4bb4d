package io.relaysms.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.OptOutAction;
import io.relaysms.schemas.OptOutCommand;
import io.relaysms.schemas.OptOutSource;
import io.relaysms.schemas.OptOutState;
import io.relaysms.serde.AvroSerde;
import io.relaysms.serde.ShippedSchemaIds;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-out management: :add and :remove write commands, :check reads the state the optout-processor keeps. No
 * optout-processor runs here; a small stand-in turns commands into states, as the real one does.
 */
class OptOutIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    @TempDir
    static Path data;

    static ApiUnderTest api;
    static ProcessorStandIn processor;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        Map<String, String> settings = new HashMap<>(ApiUnderTest.settings(kafka.bootstrapServers(), kafka.uniquePrefix(), data));
        settings.put("api.optouts.apply-timeout", "10s");
        api = ApiUnderTest.start(settings);
        processor = new ProcessorStandIn(api);
    }

    @AfterAll
    static void stop() {
        processor.close();
        api.close();
    }

    private static String body(String from, String... to) {
        StringBuilder recipients = new StringBuilder();
        for (String t : to) {
            recipients.append(recipients.length() == 0 ? "" : ",").append("{\"to\":\"").append(t).append("\"}");
        }
        return "{\"from\":\"" + from + "\",\"recipients\":[" + recipients + "]}";
    }

    private static List<JsonNode> items(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(JSON.readTree(response.body()).get("value").spliterator(), false).toList();
    }

    @Test
    void aCheckRightAfterAnAddSeesTheRecipientOptedOutAndAfterARemoveOptedIn() throws Exception {
        List<JsonNode> added = items(api.client.post("/sms/optouts:add?api-version=2026-01-23",
                body(ApiUnderTest.TOLL_FREE, "+14255550150", "+14255550151")));
        assertThat(added).allSatisfy(item -> assertThat(item.get("httpStatusCode").asInt()).isEqualTo(200));

        List<JsonNode> checked = items(api.client.post("/sms/optouts:check?api-version=2026-01-23",
                body(ApiUnderTest.TOLL_FREE, "+14255550150", "+14255550151", "+14255550152")));
        assertThat(checked).extracting(item -> item.get("isOptedOut").asBoolean()).containsExactly(true, true, false);

        items(api.client.post("/sms/optouts:remove?api-version=2024-12-10-preview", body(ApiUnderTest.TOLL_FREE, "+14255550150")));
        List<JsonNode> after = items(api.client.post("/sms/optouts:check?api-version=2024-12-10-preview",
                body(ApiUnderTest.TOLL_FREE, "+14255550150", "+14255550151")));
        assertThat(after).extracting(item -> item.get("isOptedOut").asBoolean()).containsExactly(false, true);
    }

    @Test
    void writesOneCommandPerRecipientKeyedBySenderAndRecipient() throws Exception {
        items(api.client.post("/sms/optouts:add?api-version=2026-01-23", body(ApiUnderTest.SHORT_CODE, "+1 425 555 0160")));

        List<ConsumerRecord<String, OptOutCommand>> commands = processor.commandsSeen();
        assertThat(commands).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo("12345|+14255550160");
            assertThat(record.value().getAction()).isEqualTo(OptOutAction.ADD);
            assertThat(record.value().getFrom()).isEqualTo("12345");
            assertThat(record.value().getTo()).isEqualTo("+14255550160");
            assertThat(record.value().getRequestedBy()).isEqualTo("primary-key");
        });
    }

    @Test
    void anInvalidRecipientFailsAlone() throws Exception {
        List<JsonNode> items = items(api.client.post("/sms/optouts:add?api-version=2026-01-23",
                body(ApiUnderTest.TOLL_FREE, "+14255550170", "+123")));

        assertThat(items.get(0).get("httpStatusCode").asInt()).isEqualTo(200);
        assertThat(items.get(1).get("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(items.get(1).get("errorMessage").asText()).startsWith("Invalid recipient phone number format");
    }

    @Test
    void routesAPercentEncodedColonToo() throws Exception {
        List<JsonNode> items = items(api.client.post("/sms/optouts%3Acheck?api-version=2026-01-23",
                body(ApiUnderTest.TOLL_FREE, "+14255550180")));

        assertThat(items.get(0).get("isOptedOut").asBoolean()).isFalse();
    }

    @Test
    void refusesVersionsWithoutOptOutsAnUnownedSenderAndTooManyRecipients() throws Exception {
        HttpResponse<String> oldVersion = api.client.post("/sms/optouts:check?api-version=2021-03-07",
                body(ApiUnderTest.TOLL_FREE, "+14255550180"));
        HttpResponse<String> unowned = api.client.post("/sms/optouts:add?api-version=2026-01-23", body("+18335550100", "+14255550180"));
        HttpResponse<String> tooMany = api.client.post("/sms/optouts:add?api-version=2026-01-23",
                body(ApiUnderTest.TOLL_FREE, SendBodies.recipients(101).toArray(String[]::new)));

        assertThat(oldVersion.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(oldVersion.body()).get("error").get("code").asText()).isEqualTo("UnsupportedApiVersion");
        assertThat(unowned.statusCode()).isEqualTo(401);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooMany.body()).get("errors").has("recipients")).isTrue();
    }

    /** Turns every command into the state the optout-processor would write, keyed the same way. */
    static final class ProcessorStandIn implements AutoCloseable {
        private final Thread thread;
        private final List<ConsumerRecord<String, OptOutCommand>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean running = true;

        ProcessorStandIn(ApiUnderTest api) {
            Properties p = new Properties();
            p.put("bootstrap.servers", api.bootstrapServers());
            p.put("isolation.level", "read_committed");
            p.put("fetch.max.wait.ms", "20");
            KafkaConsumer<String, OptOutCommand> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                    AvroSerde.of(OptOutCommand.class, ShippedSchemaIds.load()).deserializer());
            Properties pp = new Properties();
            pp.put("bootstrap.servers", api.bootstrapServers());
            KafkaProducer<String, OptOutState> producer = new KafkaProducer<>(pp, new StringSerializer(),
                    AvroSerde.of(OptOutState.class, ShippedSchemaIds.load()).serializer());
            String commands = api.topic("sms-optout-commands");
            String states = api.topic("sms-optouts");
            thread = new Thread(() -> {
                List<TopicPartition> partitions = consumer.partitionsFor(commands).stream()
                        .map(info -> new TopicPartition(commands, info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (running) {
                    for (ConsumerRecord<String, OptOutCommand> record : consumer.poll(Duration.ofMillis(50))) {
                        seen.add(record);
                        OptOutCommand command = record.value();
                        producer.send(new ProducerRecord<>(states, record.key(), OptOutState.newBuilder()
                                .setFrom(command.getFrom()).setTo(command.getTo())
                                .setOptedOut(command.getAction() == OptOutAction.ADD).setChangedAt(command.getRequestedAt())
                                .setSource(OptOutSource.API).setCauseId(command.getCommandId()).build()));
                    }
                    producer.flush();
                }
                consumer.close();
                producer.close();
            }, "optout-processor-stand-in");
            thread.start();
        }

        List<ConsumerRecord<String, OptOutCommand>> commandsSeen() {
            return List.copyOf(seen);
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package io.relaysms.tracker.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.relaysms.runtime.HealthChecks;
import io.relaysms.runtime.KafkaEnvironment;
import io.relaysms.tracker.config.TrackerSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Runs one {@link SubscriberPump} per configured webhook subscription, outside the Streams threads: each has its own
 * consumer group ({@code <prefix>relay-delivery-tracker-webhook-<name>}), HTTP client, retry timer and in-flight
 * bound; they share only the producer of dead letters. A subscriber seen for the first time starts at
 * {@code tracker.webhooks.new-subscriber-start} (latest: events from now on, as a new Event Grid subscription does).
 */
public final class WebhookPushers implements AutoCloseable {

    private final Producer<String, byte[]> deadLetterProducer;
    private final List<SubscriberPump> pumps;
    private final List<WebhookSender> senders;

    private WebhookPushers(Producer<String, byte[]> deadLetterProducer, List<SubscriberPump> pumps, List<WebhookSender> senders) {
        this.deadLetterProducer = deadLetterProducer;
        this.pumps = pumps;
        this.senders = senders;
    }

    public static WebhookPushers start(TrackerSettings settings, KafkaEnvironment kafka, String bootstrapServers,
                                       MeterRegistry registry, Clock clock) {
        List<SubscriberPump> pumps = new ArrayList<>();
        List<WebhookSender> senders = new ArrayList<>();
        if (settings.webhooks().isEmpty()) {
            return new WebhookPushers(null, pumps, senders);
        }
        Producer<String, byte[]> producer = new KafkaProducer<>(kafka.producerProperties("relay-delivery-tracker-webhook-dead-letters",
                Map.of("bootstrap.servers", bootstrapServers)), new StringSerializer(), new ByteArraySerializer());
        WebhookDeadLetters deadLetters = new WebhookDeadLetters(producer, kafka.topics().webhookDeadLetters().name());
        WebhookEvents events = new WebhookEvents(kafka.topics(), new AcsCloudEvents(settings.webhookSource()));
        BackoffSchedule backoff = new BackoffSchedule(settings.webhookInitialBackoff(), settings.webhookMaxBackoff(),
                settings.webhookGiveUpAfter());
        for (WebhookSubscription subscription : settings.webhooks()) {
            WebhookSender sender = new WebhookSender(subscription, settings.webhookRequestTimeout(), clock);
            senders.add(sender);
            String group = kafka.groupId("relay-delivery-tracker-webhook-" + subscription.name());
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.consumerProperties(group, Map.of(
                    "bootstrap.servers", bootstrapServers, "auto.offset.reset", settings.webhookNewSubscriberStart(),
                    "max.poll.records", "200")), new StringDeserializer(), new ByteArrayDeserializer());
            SubscriberPump pump = new SubscriberPump(new SubscriberSetup(subscription, sender, backoff, deadLetters, clock,
                    registry, settings.webhookMaxInFlight()), consumer, events);
            pumps.add(pump);
            pump.start();
        }
        return new WebhookPushers(producer, pumps, senders);
    }

    public int subscribers() {
        return pumps.size();
    }

    /** One health check per subscriber: healthy while its consumer loop runs, whatever the subscriber answers. */
    public void registerHealth(HealthChecks health) {
        for (SubscriberPump pump : pumps) {
            health.register("webhook-" + pump.name(), () -> pump.alive()
                    ? HealthChecks.Status.up(pump.inFlight() + " event(s) in flight")
                    : HealthChecks.Status.down("the consumer loop stopped; see the log"));
        }
    }

    @Override
    public void close() {
        pumps.forEach(SubscriberPump::close);
        senders.forEach(WebhookSender::close);
        if (deadLetterProducer != null) {
            deadLetterProducer.close();
        }
    }
}

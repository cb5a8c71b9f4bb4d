package io.relaysms.topics;

import io.relaysms.schemas.CarrierReceipt;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.schemas.InboundMessagePart;
import io.relaysms.schemas.OptOutCommand;
import io.relaysms.schemas.OptOutState;
import io.relaysms.schemas.SmsRequest;
import io.relaysms.schemas.UsageAggregate;
import io.relaysms.serde.AvroSerde;
import io.relaysms.serde.SchemaIds;
import io.relaysms.serde.SerdeSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic Relay reads or writes (design, "Topics"), built once from configuration. Topics keyed by the
 * sending number ({@link #smsRequests()}, {@link #dispatchEvents()}) share one partition count, so that a
 * dispatcher owning partition p of requests finds the outcomes of those requests in partition p of events.
 * Every consumed topic has a dead-letter topic ({@code <name>-dlq}) for records that cannot be read.
 */
public final class TopicCatalog {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(30);

    private final TopicSettings settings;
    private final Serde<String> keys = Serdes.String();
    private final Topic<String, SmsRequest> smsRequests;
    private final Topic<String, DispatchEvent> dispatchEvents;
    private final Topic<String, CarrierReceipt> carrierReceipts;
    private final Topic<String, InboundMessagePart> inboundParts;
    private final Topic<String, InboundMessage> inbound;
    private final Topic<String, DeliveryReport> deliveryReports;
    private final Topic<String, OptOutCommand> optOutCommands;
    private final Topic<String, OptOutState> optOuts;
    private final Topic<String, UsageAggregate> usageHourly;
    private final Topic<String, UsageAggregate> usageDaily;
    private final Topic<String, byte[]> webhookDeadLetters;

    public TopicCatalog(TopicSettings settings, SchemaIds schemaIds) {
        this.settings = settings;
        this.smsRequests = events("sms-requests", SmsRequest.class, schemaIds, "sending number", WEEK);
        this.dispatchEvents = events("sms-dispatch-events", DispatchEvent.class, schemaIds, "sending number", WEEK);
        this.carrierReceipts = events("carrier-receipts", CarrierReceipt.class, schemaIds, "<carrierId>|<carrierMessageId>", WEEK);
        this.inboundParts = events("sms-inbound-raw", InboundMessagePart.class, schemaIds, "our number", WEEK);
        this.inbound = events("sms-inbound", InboundMessage.class, schemaIds, "our number", MONTH);
        this.deliveryReports = events("sms-delivery-reports", DeliveryReport.class, schemaIds, "messageId", MONTH);
        this.optOutCommands = events("sms-optout-commands", OptOutCommand.class, schemaIds, "<from>|<to>", MONTH);
        this.optOuts = table("sms-optouts", OptOutState.class, schemaIds, "<from>|<to>");
        this.usageHourly = table("sms-usage-hourly", UsageAggregate.class, schemaIds, "<from>|<country>|<windowStart>");
        this.usageDaily = table("sms-usage-daily", UsageAggregate.class, schemaIds, "<from>|<country>|<windowStart>");
        this.webhookDeadLetters = new Topic<>(settings.prefix() + "sms-webhook-dead-letters", keys, Serdes.ByteArray(),
                "messageId", settings.partitions(), false, deleteAfter(MONTH));
    }

    /** A catalogue whose serdes take their schema ids as the serde settings say (see {@link SerdeSettings}). */
    public static TopicCatalog create(TopicSettings settings, Map<String, ?> serdeSettings) {
        return new TopicCatalog(settings, SerdeSettings.schemaIds(serdeSettings));
    }

    public TopicSettings settings() {
        return settings;
    }

    /** One record per recipient to send; users may produce here directly. */
    public Topic<String, SmsRequest> smsRequests() {
        return smsRequests;
    }

    /** Every dispatch outcome; co-partitioned with {@link #smsRequests()}. */
    public Topic<String, DispatchEvent> dispatchEvents() {
        return dispatchEvents;
    }

    public Topic<String, CarrierReceipt> carrierReceipts() {
        return carrierReceipts;
    }

    /** Raw mobile-originated parts, before reassembly (sms-inbound-raw). */
    public Topic<String, InboundMessagePart> inboundParts() {
        return inboundParts;
    }

    public Topic<String, InboundMessage> inbound() {
        return inbound;
    }

    public Topic<String, DeliveryReport> deliveryReports() {
        return deliveryReports;
    }

    public Topic<String, OptOutCommand> optOutCommands() {
        return optOutCommands;
    }

    public Topic<String, OptOutState> optOuts() {
        return optOuts;
    }

    public Topic<String, UsageAggregate> usageHourly() {
        return usageHourly;
    }

    public Topic<String, UsageAggregate> usageDaily() {
        return usageDaily;
    }

    /** Webhook deliveries that failed for 24 hours: the CloudEvent JSON as it was last tried. */
    public Topic<String, byte[]> webhookDeadLetters() {
        return webhookDeadLetters;
    }

    /** The dead-letter topic of a topic: original key and value bytes, the error in headers. */
    public Topic<byte[], byte[]> deadLetters(Topic<?, ?> source) {
        return new Topic<>(source.name() + "-dlq", Serdes.ByteArray(), Serdes.ByteArray(), source.keyMeaning(),
                settings.partitions(), false, deleteAfter(MONTH));
    }

    /** The topics of the design's table, without dead-letter topics. */
    public List<Topic<?, ?>> dataTopics() {
        return List.of(smsRequests, dispatchEvents, carrierReceipts, inboundParts, inbound, deliveryReports,
                optOutCommands, optOuts, usageHourly, usageDaily, webhookDeadLetters);
    }

    /** Every topic Relay needs, dead-letter topics included. */
    public List<Topic<?, ?>> all() {
        List<Topic<?, ?>> all = new ArrayList<>(dataTopics());
        for (Topic<?, ?> topic : dataTopics()) {
            if (topic != webhookDeadLetters) {
                all.add(deadLetters(topic));
            }
        }
        return all;
    }

    /** Topics that must have equal partition counts because one is looked up by the other's partition. */
    public List<Topic<?, ?>> coPartitioned() {
        return List.of(smsRequests, dispatchEvents);
    }

    private <V extends SpecificRecord> Topic<String, V> events(String base, Class<V> type, SchemaIds ids,
                                                               String keyMeaning, Duration retention) {
        return new Topic<>(settings.prefix() + base, keys, AvroSerde.of(type, ids), keyMeaning,
                settings.partitions(), false, deleteAfter(retention));
    }

    private <V extends SpecificRecord> Topic<String, V> table(String base, Class<V> type, SchemaIds ids, String keyMeaning) {
        return new Topic<>(settings.prefix() + base, keys, AvroSerde.of(type, ids), keyMeaning,
                settings.partitions(), true, Map.of("cleanup.policy", "compact"));
    }

    private static Map<String, String> deleteAfter(Duration retention) {
        return Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(retention.toMillis()));
    }
}

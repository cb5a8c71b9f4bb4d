package io.relaysms.tracker.config;

import io.relaysms.config.DurationSetting;
import static io.relaysms.tracker.config.TrackerConfigDefinition.*;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import io.relaysms.config.ServiceConfig;
import io.relaysms.tracker.ids.CarrierIdFormats;
import io.relaysms.tracker.inbound.Gsm7Packing;
import io.relaysms.tracker.streams.StoreKind;
import io.relaysms.tracker.webhooks.WebhookSubscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The delivery tracker's configuration, validated and typed: the {@code tracker.*} keys, the webhook subscriptions
 * and the per-carrier attributes the tracker reads. Building it fails with every problem listed at once.
 */
public final class TrackerSettings {

    private final ServiceConfig config;
    private final CarrierIdFormats idFormats;
    private final Map<String, Gsm7Packing> gsm7Packing;
    private final List<WebhookSubscription> webhooks;

    private TrackerSettings(ServiceConfig config, CarrierIdFormats idFormats, Map<String, Gsm7Packing> gsm7Packing,
                            List<WebhookSubscription> webhooks) {
        this.config = config;
        this.idFormats = idFormats;
        this.gsm7Packing = Map.copyOf(gsm7Packing);
        this.webhooks = List.copyOf(webhooks);
    }

    public static TrackerSettings from(RelaySettings settings) {
        ServiceConfig config = new ServiceConfig(NAMESPACE, TrackerConfigDefinition.definition(), settings);
        List<String> problems = new ArrayList<>();
        CarrierIdFormats idFormats = CarrierIdFormats.parse(config.carriers(), problems);
        Map<String, Gsm7Packing> packing = Gsm7Packing.parse(config.carriers(), problems);
        List<WebhookSubscription> webhooks = WebhookSubscription.parseAll(config.withPrefix(WebhookSubscription.PREFIX), problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return new TrackerSettings(config, idFormats, packing, webhooks);
    }

    public ServiceConfig serviceConfig() {
        return config;
    }

    public CarrierIdFormats idFormats() {
        return idFormats;
    }

    public Map<String, Gsm7Packing> gsm7Packing() {
        return gsm7Packing;
    }

    public List<WebhookSubscription> webhooks() {
        return webhooks;
    }

    public String httpHost() {
        return config.getString(HTTP_HOST);
    }

    public int httpPort() {
        return config.getInt(HTTP_PORT);
    }

    public String advertisedHost() {
        return config.getString(HTTP_ADVERTISED_HOST);
    }

    public Duration remoteQueryTimeout() {
        return duration(REMOTE_QUERY_TIMEOUT);
    }

    public Path stateDirectory() {
        return Path.of(config.getString(STATE_DIR));
    }

    public StoreKind stateStores() {
        return StoreKind.parse(config.getString(STATE_STORES)).orElseThrow();
    }

    public int streamThreads() {
        return config.getInt(STREAM_THREADS);
    }

    public Duration startupTimeout() {
        return duration(STARTUP_TIMEOUT);
    }

    public Duration defaultReportTimeout() {
        return duration(REPORT_TIMEOUT_DEFAULT);
    }

    public Duration unmatchedReceiptRetention() {
        return duration(UNMATCHED_RECEIPT_RETENTION);
    }

    public Duration historyRetention() {
        return duration(HISTORY_RETENTION);
    }

    public Duration punctuationInterval() {
        return duration(PUNCTUATION_INTERVAL);
    }

    public Duration reassemblyTimeout() {
        return duration(REASSEMBLY_TIMEOUT);
    }

    public Duration webhookInitialBackoff() {
        return duration(WEBHOOK_INITIAL_BACKOFF);
    }

    public Duration webhookMaxBackoff() {
        return duration(WEBHOOK_MAX_BACKOFF);
    }

    public Duration webhookGiveUpAfter() {
        return duration(WEBHOOK_GIVE_UP_AFTER);
    }

    public Duration webhookRequestTimeout() {
        return duration(WEBHOOK_REQUEST_TIMEOUT);
    }

    public int webhookMaxInFlight() {
        return config.getInt(WEBHOOK_MAX_IN_FLIGHT);
    }

    public String webhookSource() {
        return config.getString(WEBHOOK_SOURCE);
    }

    public String webhookNewSubscriberStart() {
        return config.getString(WEBHOOK_NEW_SUBSCRIBER_START);
    }

    private Duration duration(String key) {
        return DurationSetting.parse(config.getString(key));
    }
}

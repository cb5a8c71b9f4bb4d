package io.relaysms.tracker.webhooks;

import java.util.Locale;
import java.util.Optional;

/** What a subscriber can ask for, and the Event Grid type each is pushed as. */
public enum EventKind {
    DELIVERY_REPORTS("delivery-reports", "Microsoft.Communication.SMSDeliveryReportReceived"),
    INBOUND("inbound", "Microsoft.Communication.SMSReceived");

    private final String configName;
    private final String eventType;

    EventKind(String configName, String eventType) {
        this.configName = configName;
        this.eventType = eventType;
    }

    public String configName() {
        return configName;
    }

    public String eventType() {
        return eventType;
    }

    public static Optional<EventKind> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (EventKind kind : values()) {
            if (kind.configName.equals(t) || kind.eventType.toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}

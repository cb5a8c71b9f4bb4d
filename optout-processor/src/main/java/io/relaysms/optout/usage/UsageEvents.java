package io.relaysms.optout.usage;

import io.relaysms.optout.state.OptOutPair;
import io.relaysms.optout.usage.UsageEvent.Kind;
import io.relaysms.schemas.DeliveryReport;
import io.relaysms.schemas.DeliveryStatus;
import io.relaysms.schemas.DispatchEvent;
import io.relaysms.schemas.InboundMessage;
import io.relaysms.schemas.OptOutState;
import io.relaysms.schemas.SmsRequest;
import java.util.List;

/**
 * What each input record counts for. Outgoing records count for their sender towards the recipient's country;
 * an inbound counts for our number towards the handset's country. Dispatch outcomes that are not final
 * (THROTTLED, RETRYING) and failures the delivery report will count (REJECTED, FAILED) count nothing here, so
 * no message is counted twice.
 */
public final class UsageEvents {

    private UsageEvents() {
    }

    public static List<UsageEvent> of(SmsRequest request) {
        OptOutPair pair = OptOutPair.of(request.getFrom(), request.getTo());
        return List.of(new UsageEvent(pair.sender(), pair.country(), Kind.REQUEST, request.getSegmentCount(), null, null));
    }

    public static List<UsageEvent> of(DispatchEvent event) {
        Kind kind = switch (event.getOutcome()) {
            case SUBMITTED -> Kind.SUBMITTED;
            case OPTED_OUT -> Kind.BLOCKED_BY_OPT_OUT;
            case EXPIRED -> Kind.EXPIRED;
            default -> null;
        };
        if (kind == null) {
            return List.of();
        }
        OptOutPair pair = OptOutPair.of(event.getFrom(), event.getTo());
        return List.of(UsageEvent.of(pair.sender(), pair.country(), kind));
    }

    public static List<UsageEvent> of(DeliveryReport report) {
        OptOutPair pair = OptOutPair.of(report.getFrom(), report.getTo());
        if (report.getDeliveryStatus() == DeliveryStatus.Delivered) {
            Long latency = null;
            if (report.getSubmittedAt() != null) {
                long millis = report.getReceivedTimestamp().toEpochMilli() - report.getSubmittedAt().toEpochMilli();
                latency = millis >= 0 ? millis : null; // clocks of two hosts; a negative figure measures nothing
            }
            return List.of(new UsageEvent(pair.sender(), pair.country(), Kind.DELIVERED, 0, null, latency));
        }
        return List.of(new UsageEvent(pair.sender(), pair.country(), Kind.FAILED, 0, report.getReason().name(), null));
    }

    public static List<UsageEvent> of(InboundMessage inbound) {
        OptOutPair pair = OptOutPair.of(inbound.getTo(), inbound.getFrom());
        return List.of(UsageEvent.of(pair.sender(), pair.country(), Kind.INBOUND));
    }

    public static List<UsageEvent> of(OptOutState state) {
        if (state == null) {
            return List.of();
        }
        OptOutPair pair = OptOutPair.of(state.getFrom(), state.getTo());
        String country = state.getCountry() != null ? state.getCountry() : pair.country();
        return List.of(UsageEvent.of(pair.sender(), country, state.getOptedOut() ? Kind.OPT_OUT : Kind.OPT_IN));
    }
}

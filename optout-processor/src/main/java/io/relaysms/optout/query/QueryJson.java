package io.relaysms.optout.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relaysms.optout.state.OptOutPair;
import io.relaysms.schemas.OptOutState;
import io.relaysms.schemas.UsageAggregate;
import io.relaysms.schemas.UsageWindow;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The JSON bodies of the query API. Field names follow the Avro records (camelCase, as the ACS-style API does);
 * instants are ISO-8601 UTC; absent values are omitted.
 */
final class QueryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QueryJson() {
    }

    /**
     * {@code {"from","to","optedOut","changedAt","source","keyword","causeId","country","lastEventAt"}}; a pair
     * never seen is opted in, with only from, to, optedOut and country.
     */
    static String optOut(OptOutPair pair, ValueAndTimestamp<OptOutState> stored) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", pair.sender());
        body.put("to", pair.recipient());
        if (stored == null) {
            body.put("optedOut", false);
            body.put("country", pair.country());
            return write(body);
        }
        OptOutState state = stored.value();
        body.put("optedOut", state.getOptedOut());
        body.put("changedAt", state.getChangedAt().toString());
        body.put("source", state.getSource().name());
        putIfPresent(body, "keyword", state.getKeyword());
        putIfPresent(body, "causeId", state.getCauseId());
        putIfPresent(body, "country", state.getCountry());
        body.put("lastEventAt", Instant.ofEpochMilli(stored.timestamp()).toString());
        return write(body);
    }

    static String usage(String sender, UsageWindow window, Instant from, Instant to, List<UsageAggregate> aggregates) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", sender);
        body.put("window", window.name());
        body.put("windowsFrom", from.toString());
        body.put("windowsTo", to.toString());
        body.put("value", aggregates.stream().map(QueryJson::aggregate).toList());
        return write(body);
    }

    private static Map<String, Object> aggregate(UsageAggregate usage) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("country", usage.getCountry());
        item.put("windowStart", usage.getWindowStart().toString());
        item.put("windowEnd", usage.getWindowEnd().toString());
        item.put("requests", usage.getRequests());
        item.put("segments", usage.getSegments());
        item.put("submitted", usage.getSubmitted());
        item.put("delivered", usage.getDelivered());
        item.put("failed", usage.getFailed());
        item.put("failedByReason", usage.getFailedByReason());
        item.put("expired", usage.getExpired());
        item.put("blockedByOptOut", usage.getBlockedByOptOut());
        item.put("inbound", usage.getInbound());
        item.put("optOuts", usage.getOptOuts());
        item.put("optIns", usage.getOptIns());
        putIfPresent(item, "deliveryRate", usage.getDeliveryRate());
        putIfPresent(item, "receiptLatencyP50Millis", usage.getReceiptLatencyP50Millis());
        putIfPresent(item, "receiptLatencyP95Millis", usage.getReceiptLatencyP95Millis());
        putIfPresent(item, "receiptLatencyP99Millis", usage.getReceiptLatencyP99Millis());
        item.put("updatedAt", usage.getUpdatedAt().toString());
        return item;
    }

    static String error(String code, String message) {
        return write(Map.of("error", Map.of("code", code, "message", message)));
    }

    private static void putIfPresent(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    private static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

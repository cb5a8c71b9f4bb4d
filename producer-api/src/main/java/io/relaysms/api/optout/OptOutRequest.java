package io.relaysms.api.optout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relaysms.api.http.JsonBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body shared by {@code optouts:add}, {@code :remove} and {@code :check} (contract §2):
 * {@code {"from": "...", "recipients": [{"to": "..."}]}} with 1-100 recipients. Shape errors are listed together
 * as one 400; numbers are judged later, one recipient at a time.
 */
public record OptOutRequest(String from, List<String> recipients) {

    public static final int MAX_RECIPIENTS = 100;

    public static OptOutRequest parse(ObjectNode body) {
        JsonBody fields = new JsonBody();
        Optional<String> from = fields.requiredString(body, "from", "from");
        from.filter(String::isBlank).ifPresent(f -> fields.error("from", "The from field must not be empty."));
        List<String> recipients = new ArrayList<>();
        JsonNode array = body.get("recipients");
        if (array == null || array.isNull()) {
            fields.error("recipients", "The recipients field is required (1 to " + MAX_RECIPIENTS + " recipients).");
        } else if (!array.isArray()) {
            fields.error("recipients", "Must be an array of recipients, not " + JsonBody.describe(array) + ".");
        } else if (array.isEmpty() || array.size() > MAX_RECIPIENTS) {
            fields.error("recipients", "Must hold 1 to " + MAX_RECIPIENTS + " recipients, not " + array.size() + ".");
        } else {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                String path = "recipients[" + i + "]";
                if (!item.isObject()) {
                    fields.error(path, "Must be an object {\"to\": \"+1...\"}, not " + JsonBody.describe(item) + ".");
                    continue;
                }
                fields.requiredString(item, "to", path + ".to").ifPresent(recipients::add);
            }
        }
        fields.throwIfInvalid();
        return new OptOutRequest(from.orElseThrow(), recipients);
    }
}

package io.relaysms.api.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relaysms.api.http.JsonBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the shape of a {@code POST /sms} body against the ACS send schema (contract §1.3) and lists every
 * violation at once: required fields and their types, 1-100 recipients, a message of 1-2,048 characters,
 * {@code smsSendOptions} with its required {@code enableDeliveryReport} and ranges. What it lets through is a
 * {@link SendSmsRequest}; what it rejects produces nothing.
 */
public final class SendSmsRequestParser {

    public static final int MAX_RECIPIENTS = 100;
    public static final int MAX_MESSAGE_LENGTH = 2048;
    private static final int MAX_REPEATABILITY_ID_LENGTH = 128;

    public SendSmsRequest parse(ObjectNode body) {
        JsonBody fields = new JsonBody();
        Optional<String> from = fields.requiredString(body, "from", "from");
        from.filter(String::isBlank).ifPresent(f -> fields.error("from", "The from field must not be empty."));
        List<SendSmsRequest.Recipient> recipients = recipients(body, fields);
        Optional<String> message = fields.requiredString(body, "message", "message");
        message.ifPresent(text -> {
            if (text.isEmpty()) {
                fields.error("message", "The message must not be empty.");
            } else if (text.length() > MAX_MESSAGE_LENGTH) {
                fields.error("message", "The message has " + text.length() + " characters; at most " + MAX_MESSAGE_LENGTH
                        + " are allowed.");
            }
        });
        SendSmsRequest.Options options = options(body, fields);
        fields.throwIfInvalid();
        return new SendSmsRequest(from.orElseThrow(), recipients, message.orElseThrow(), options);
    }

    private static List<SendSmsRequest.Recipient> recipients(ObjectNode body, JsonBody fields) {
        JsonNode array = body.get("smsRecipients");
        List<SendSmsRequest.Recipient> recipients = new ArrayList<>();
        if (array == null || array.isNull()) {
            fields.error("smsRecipients", "The smsRecipients field is required (1 to " + MAX_RECIPIENTS + " recipients).");
            return recipients;
        }
        if (!array.isArray()) {
            fields.error("smsRecipients", "Must be an array of recipients, not " + JsonBody.describe(array) + ".");
            return recipients;
        }
        if (array.isEmpty() || array.size() > MAX_RECIPIENTS) {
            fields.error("smsRecipients", "Must hold 1 to " + MAX_RECIPIENTS + " recipients, not " + array.size() + ".");
            return recipients;
        }
        for (int i = 0; i < array.size(); i++) {
            String path = "smsRecipients[" + i + "]";
            JsonNode item = array.get(i);
            if (!item.isObject()) {
                fields.error(path, "Must be an object {\"to\": \"+1...\"}, not " + JsonBody.describe(item) + ".");
                continue;
            }
            Optional<String> to = fields.requiredString(item, "to", path + ".to");
            Optional<String> id = fields.optionalString(item, "repeatabilityRequestId", path + ".repeatabilityRequestId");
            id.filter(value -> value.isBlank() || value.length() > MAX_REPEATABILITY_ID_LENGTH).ifPresent(value ->
                    fields.error(path + ".repeatabilityRequestId", "Must be 1 to " + MAX_REPEATABILITY_ID_LENGTH
                            + " characters (a GUID is usual)."));
            Optional<String> firstSent = fields.optionalString(item, "repeatabilityFirstSent", path + ".repeatabilityFirstSent");
            to.ifPresent(value -> recipients.add(new SendSmsRequest.Recipient(value, id, firstSent)));
        }
        return recipients;
    }

    private static SendSmsRequest.Options options(ObjectNode body, JsonBody fields) {
        JsonNode node = body.get("smsSendOptions");
        if (node == null || node.isNull()) {
            return SendSmsRequest.Options.defaults();
        }
        if (!node.isObject()) {
            fields.error("smsSendOptions", "Must be an object, not " + JsonBody.describe(node) + ".");
            return SendSmsRequest.Options.defaults();
        }
        Optional<Boolean> reports = fields.optionalBoolean(node, "enableDeliveryReport", "smsSendOptions.enableDeliveryReport");
        if (!node.has("enableDeliveryReport") || node.get("enableDeliveryReport").isNull()) {
            fields.error("smsSendOptions.enableDeliveryReport", "The enableDeliveryReport field is required when "
                    + "smsSendOptions is given.");
        }
        Optional<String> tag = fields.optionalString(node, "tag", "smsSendOptions.tag");
        Optional<Integer> reportTimeout = fields.optionalInt(node, "deliveryReportTimeoutInSeconds",
                "smsSendOptions.deliveryReportTimeoutInSeconds", 60, 43_200);
        Optional<Integer> validity = fields.optionalInt(node, "validityPeriodSeconds",
                "smsSendOptions.validityPeriodSeconds", 1, 18_000);
        JsonNode connect = node.get("messagingConnect");
        if (connect != null && !connect.isNull()) {
            fields.error("smsSendOptions.messagingConnect", "Messaging Connect partners are not available on this "
                    + "deployment; leave messagingConnect out to send through its own carriers.");
        }
        return new SendSmsRequest.Options(reports.orElse(false), tag, reportTimeout, validity);
    }
}

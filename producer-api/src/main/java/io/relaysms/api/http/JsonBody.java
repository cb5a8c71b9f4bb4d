package io.relaysms.api.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request body read as a JSON object, with typed accessors that collect every type error under the field's
 * path ({@code smsRecipients[2].to}) instead of stopping at the first, so one 400 lists all that is wrong.
 * Unknown members are ignored, as the ACS service does, so newer clients keep working.
 */
public final class JsonBody {

    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    /** Parses the body; anything but a JSON object is 400 InvalidJson naming what was wrong. */
    public static ObjectNode parseObject(ObjectMapper json, Context ctx) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase().contains("json")) {
            throw ApiException.unsupportedMediaType("Content-Type must be application/json, not '" + contentType + "'.");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.badRequest("InvalidJson", "The request body is empty; a JSON object is required.");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("InvalidJson", "The request body is not valid JSON: " + withPlainLocations(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")") + ".");
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("InvalidJson", "The request body cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("InvalidJson", "The request body must be a JSON object, not "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()) + ".");
        }
        return (ObjectNode) node;
    }

    /**
     * The parser's message with its nested locations ("start marker at [Source: REDACTED (`StreamReadFeature...`
     * disabled); line: 1, column: 1]") as "line 1, column 1": the client needs the position, not the parser's settings.
     */
    static String withPlainLocations(String parserMessage) {
        return SOURCE_LOCATION.matcher(parserMessage).replaceAll("line $1, column $2");
    }

    public void error(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws the collected errors as one 400, if there are any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.invalidFields(errors);
        }
    }

    public Optional<String> requiredString(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            error(path, "The " + name + " field is required.");
            return Optional.empty();
        }
        return string(node, path);
    }

    public Optional<String> optionalString(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? Optional.empty() : string(node, path);
    }

    public Optional<Boolean> optionalBoolean(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            error(path, "Must be true or false, not " + describe(node) + ".");
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    /** An optional integer within [min, max]. */
    public Optional<Integer> optionalInt(JsonNode parent, String name, String path, int min, int max) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            error(path, "Must be a whole number, not " + describe(node) + ".");
            return Optional.empty();
        }
        int value = node.intValue();
        if (value < min || value > max) {
            error(path, "Must be between " + min + " and " + max + ", not " + value + ".");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<String> string(JsonNode node, String path) {
        if (!node.isTextual()) {
            error(path, "Must be a string, not " + describe(node) + ".");
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    public static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> node.asText();
            case STRING -> "the string \"" + node.textValue() + "\"";
            default -> node.getNodeType().name().toLowerCase();
        };
    }
}

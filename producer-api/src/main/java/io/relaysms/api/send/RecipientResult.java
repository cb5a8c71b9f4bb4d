package io.relaysms.api.send;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import io.relaysms.api.segment.MessageSegments;
import java.util.Optional;

/**
 * One {@code value[]} item of the send response (contract §1.4): {@code to} as sent, {@code messageId} when the
 * message was processed, the per-recipient {@code httpStatusCode}, {@code repeatabilityResult} for recipients that
 * carried repeatability fields, {@code successful}, and {@code errorMessage} on failures. Items with a messageId
 * also carry {@code segmentCount} and {@code encoding}, which ACS does not send and clients ignore.
 */
public record RecipientResult(String to, Optional<String> messageId, int httpStatusCode,
                              Optional<String> repeatabilityResult, boolean successful, Optional<String> errorMessage,
                              Optional<MessageSegments> segments) {

    public static RecipientResult accepted(String to, String messageId, Optional<String> repeatabilityResult,
                                           MessageSegments segments) {
        return new RecipientResult(to, Optional.of(messageId), 202, repeatabilityResult, true, Optional.empty(),
                Optional.of(segments));
    }

    /**
     * A retry of a message already accepted: answered "rejected" as ACS does, with the original messageId, and
     * successful because that message is on its way; nothing is sent again.
     */
    public static RecipientResult repeat(String to, String messageId, MessageSegments segments) {
        return new RecipientResult(to, Optional.of(messageId), 202, Optional.of("rejected"), true,
                Optional.of("Repeat of an accepted request (same repeatabilityRequestId); it is not sent again."),
                Optional.of(segments));
    }

    public static RecipientResult failed(String to, int httpStatusCode, String errorMessage, boolean hadRepeatability) {
        return new RecipientResult(to, Optional.empty(), httpStatusCode,
                hadRepeatability ? Optional.of("rejected") : Optional.empty(), false, Optional.of(errorMessage), Optional.empty());
    }

    /** Writes the item as one JSON object (streamed: a bulk answer has a hundred of them). */
    public void writeTo(JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("to", to);
        if (messageId.isPresent()) {
            out.writeStringField("messageId", messageId.get());
        }
        out.writeNumberField("httpStatusCode", httpStatusCode);
        if (repeatabilityResult.isPresent()) {
            out.writeStringField("repeatabilityResult", repeatabilityResult.get());
        }
        out.writeBooleanField("successful", successful);
        if (errorMessage.isPresent()) {
            out.writeStringField("errorMessage", errorMessage.get());
        }
        if (segments.isPresent()) {
            out.writeNumberField("segmentCount", segments.get().count());
            out.writeStringField("encoding", segments.get().encoding().name());
        }
        out.writeEndObject();
    }
}

package io.relaysms.api.send;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

    public void writeTo(ObjectNode item) {
        item.put("to", to);
        messageId.ifPresent(id -> item.put("messageId", id));
        item.put("httpStatusCode", httpStatusCode);
        repeatabilityResult.ifPresent(result -> item.put("repeatabilityResult", result));
        item.put("successful", successful);
        errorMessage.ifPresent(message -> item.put("errorMessage", message));
        segments.ifPresent(s -> {
            item.put("segmentCount", s.count());
            item.put("encoding", s.encoding().name());
        });
    }
}

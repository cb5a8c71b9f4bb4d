package io.relaysms.api.send;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.relaysms.api.http.ApiException;
import io.relaysms.api.http.ApiVersion;
import io.relaysms.api.http.JsonBody;
import io.relaysms.api.publish.PublishFailedException;
import io.relaysms.api.publish.TransactionalPublisher;
import io.relaysms.api.repeat.RecentRequests;
import io.relaysms.api.repeat.RepeatabilityCheck;
import io.relaysms.api.repeat.RepeatabilityCheck.Verdict;
import io.relaysms.api.repeat.RepeatabilityKey;
import io.relaysms.api.repeat.RequestFingerprint;
import io.relaysms.api.segment.MessageSegments;
import io.relaysms.api.numbers.OwnedSenders;
import io.relaysms.api.numbers.RecipientNumbers;
import io.relaysms.config.numbers.OwnedNumber;
import io.relaysms.config.numbers.SenderAddress;
import io.relaysms.schemas.SmsRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code POST /sms}: validates the request as a whole (shape, api-version, an owned sender), then each recipient on
 * its own (an invalid number or repeatability field fails that recipient alone, as ACS does), writes one
 * {@code sms-requests} record per accepted recipient in one transaction, and answers 202 with one item per recipient
 * in request order, only after the broker committed them. The broker not taking them in time is 503 with
 * Retry-After and, the transaction being all-or-nothing, leaves nothing behind that a retry would duplicate.
 *
 * <p>How a retried request never sends a second SMS: a recipient with a repeatabilityRequestId gets a messageId
 * derived from (sender, recipient, id, first-sent) only, so every retry of it, on any instance, carries the same
 * messageId, lands on the same partition (same sender), and the dispatcher sends one messageId once. The table of
 * recent requests (rebuilt from {@code sms-requests} on start, shared through Kafka by all instances) lets the API
 * also answer the retry "rejected" without writing it again.
 */
public final class SendSmsHandler implements Handler {

    private final ObjectMapper json;
    private final SendSmsRequestParser parser = new SendSmsRequestParser();
    private final OwnedSenders senders;
    private final RecipientNumbers recipientNumbers;
    private final RepeatabilityCheck repeatability;
    private final RecentRequests recent;
    private final MessageIdFactory messageIds;
    private final SmsRecordFactory records;
    private final TransactionalPublisher publisher;
    private final SendMetrics metrics;
    private final Clock clock;
    private final int retryAfterSeconds;

    public SendSmsHandler(ObjectMapper json, OwnedSenders senders, RecipientNumbers recipientNumbers, RepeatabilityCheck repeatability,
                          RecentRequests recent, MessageIdFactory messageIds, SmsRecordFactory records,
                          TransactionalPublisher publisher, SendMetrics metrics, Clock clock, int retryAfterSeconds) {
        this.json = json;
        this.senders = senders;
        this.recipientNumbers = recipientNumbers;
        this.repeatability = repeatability;
        this.recent = recent;
        this.messageIds = messageIds;
        this.records = records;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public void handle(Context ctx) {
        ApiVersion.require(ctx, ApiVersion.Operation.SEND);
        SendSmsRequest request = parser.parse(JsonBody.parseObject(json, ctx));
        OwnedNumber sender = senders.require(request.from());
        MessageSegments segments = MessageSegments.of(request.message());
        SmsRecordFactory.Common common = new SmsRecordFactory.Common(sender.number(), request.message(), segments,
                request.options(), clock.instant(), Optional.ofNullable(ctx.header("x-ms-client-request-id")));
        Plan plan = plan(request, common);
        // Rendered here, on the request's thread: the answer does not depend on the commit, only whether it is sent.
        byte[] answer = render(plan.results);
        ctx.future(() -> publisher.publish(plan.records).handle((ignored, failure) -> {
            if (failure != null) {
                throw new CompletionException(unavailable(failure));
            }
            plan.accepted.forEach(a -> recent.remember(a.key(), a.fingerprint(), a.verdict().firstSent().orElseThrow()));
            metrics.recipients(plan);
            ctx.status(202).contentType("application/json; charset=utf-8").result(answer);
            return null;
        }));
    }

    /** A repeatable recipient accepted in this request, remembered once its record is committed. */
    private record Accepted(RepeatabilityKey key, long fingerprint, Verdict verdict) {
    }

    /** What one request will produce and answer. */
    static final class Plan {
        final List<RecipientResult> results = new ArrayList<>();
        final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        final List<Accepted> accepted = new ArrayList<>();
    }

    private Plan plan(SendSmsRequest request, SmsRecordFactory.Common common) {
        Plan plan = new Plan();
        Set<RepeatabilityKey> keysInRequest = new HashSet<>();
        long messageFingerprint = request.recipients().stream().anyMatch(SendSmsRequest.Recipient::hasRepeatability)
                ? RequestFingerprint.ofMessage(request.message()) : 0;
        for (SendSmsRequest.Recipient recipient : request.recipients()) {
            SenderAddress.Parsed to = recipientNumbers.e164(recipient.to());
            if (!to.isValid()) {
                plan.results.add(RecipientResult.failed(recipient.to(), 400, "Invalid To phone number format. "
                        + to.problem() + ".", recipient.hasRepeatability()));
                continue;
            }
            String canonicalTo = to.canonical().orElseThrow();
            Verdict verdict = repeatability.judge(common.from(), canonicalTo, recipient.repeatabilityRequestId(),
                    recipient.repeatabilityFirstSent(), messageFingerprint);
            switch (verdict.outcome()) {
                case NOT_REPEATABLE -> accept(plan, common, recipient, canonicalTo, messageIds.random(), Optional.empty(),
                        Optional.empty());
                case NEW, REPEAT -> {
                    RepeatabilityKey key = verdict.key().orElseThrow();
                    String messageId = messageIds.repeatable(key, verdict.firstSent().orElseThrow());
                    if (verdict.outcome() == RepeatabilityCheck.Outcome.REPEAT || !keysInRequest.add(key)) {
                        plan.results.add(RecipientResult.repeat(recipient.to(), messageId, common.segments()));
                    } else {
                        accept(plan, common, recipient, canonicalTo, messageId, Optional.of("accepted"), verdict.firstSent());
                        plan.accepted.add(new Accepted(key, verdict.fingerprint(), verdict));
                    }
                }
                case TOO_OLD -> plan.results.add(RecipientResult.failed(recipient.to(), 412, verdict.problem(), true));
                case INVALID, CONFLICT -> plan.results.add(RecipientResult.failed(recipient.to(), 400, verdict.problem(), true));
                default -> throw new IllegalStateException("unhandled repeatability outcome " + verdict.outcome());
            }
        }
        return plan;
    }

    private void accept(Plan plan, SmsRecordFactory.Common common, SendSmsRequest.Recipient recipient, String canonicalTo,
                        String messageId, Optional<String> repeatabilityResult, Optional<java.time.Instant> firstSent) {
        SmsRequest record = records.record(common, messageId, canonicalTo, recipient.repeatabilityRequestId(), firstSent);
        plan.records.add(records.serialize(record));
        plan.results.add(RecipientResult.accepted(recipient.to(), messageId, repeatabilityResult, common.segments()));
    }

    private ApiException unavailable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        metrics.unavailable();
        if (cause instanceof PublishFailedException publish) {
            return ApiException.unavailable("The message broker is not available: " + publish.getMessage() + ". "
                    + (publish.outcomeKnown() ? "Nothing was accepted; send the same request again."
                    : "Send the same request again; recipients with repeatability ids are not sent twice."), retryAfterSeconds);
        }
        return ApiException.unavailable("The request could not be published: " + cause.getMessage(), retryAfterSeconds);
    }

    /** {@code {"value":[...]}}, one item per recipient in request order. */
    private byte[] render(List<RecipientResult> results) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 + 200 * results.size());
        try (JsonGenerator out = json.getFactory().createGenerator(body)) {
            out.writeStartObject();
            out.writeArrayFieldStart("value");
            for (RecipientResult result : results) {
                result.writeTo(out);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return body.toByteArray();
    }
}

package io.relaysms.api.optout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.relaysms.api.auth.AcsHmacAuthentication;
import io.relaysms.api.http.ApiException;
import io.relaysms.api.http.ApiVersion;
import io.relaysms.api.http.JsonBody;
import io.relaysms.api.numbers.OwnedSenders;
import io.relaysms.api.publish.TransactionalPublisher;
import io.relaysms.config.numbers.SenderAddress;
import io.relaysms.schemas.OptOutAction;
import io.relaysms.schemas.OptOutCommand;
import io.relaysms.topics.Topic;
import io.relaysms.topics.TopicKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code POST /sms/optouts:add|:remove|:check} (contract §2). The API writes commands and reads state:
 * {@code :add}/{@code :remove} write one {@link OptOutCommand} per valid recipient to {@code sms-optout-commands}
 * (all in one transaction), which the optout-processor turns into {@code sms-optouts} state; they then wait, bounded by
 * {@code api.optouts.apply-timeout}, until this instance's {@link OptOutTable} shows the change, so a {@code :check}
 * that follows reads it. A recipient whose change is durable but not yet visible in time is answered 202 instead of
 * 200. {@code :check} answers from the table. Invalid numbers fail alone (400 item); the answer is always 200.
 */
public final class OptOutHandler {

    private final ObjectMapper json;
    private final OwnedSenders senders;
    private final OptOutTable table;
    private final Topic<String, OptOutCommand> commands;
    private final TransactionalPublisher publisher;
    private final Clock clock;
    private final Duration applyTimeout;
    private final int retryAfterSeconds;

    public OptOutHandler(ObjectMapper json, OwnedSenders senders, OptOutTable table, Topic<String, OptOutCommand> commands,
                         TransactionalPublisher publisher, Clock clock, Duration applyTimeout, int retryAfterSeconds) {
        this.json = json;
        this.senders = senders;
        this.table = table;
        this.commands = commands;
        this.publisher = publisher;
        this.clock = clock;
        this.applyTimeout = applyTimeout;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public void add(Context ctx) {
        change(ctx, OptOutAction.ADD);
    }

    public void remove(Context ctx) {
        change(ctx, OptOutAction.REMOVE);
    }

    public void check(Context ctx) {
        ApiVersion.require(ctx, ApiVersion.Operation.OPT_OUTS);
        OptOutRequest request = OptOutRequest.parse(JsonBody.parseObject(json, ctx));
        String from = senders.require(request.from()).number();
        ObjectNode body = json.createObjectNode();
        ArrayNode value = body.putArray("value");
        for (String to : request.recipients()) {
            SenderAddress.Parsed parsed = SenderAddress.e164(to);
            ObjectNode item = value.addObject().put("to", to);
            if (parsed.isValid()) {
                item.put("httpStatusCode", 200).put("isOptedOut", table.isOptedOut(from, parsed.canonical().orElseThrow()));
            } else {
                invalid(item, parsed);
            }
        }
        ctx.status(200).contentType("application/json; charset=utf-8").result(body.toString());
    }

    private void change(Context ctx, OptOutAction action) {
        ApiVersion.require(ctx, ApiVersion.Operation.OPT_OUTS);
        OptOutRequest request = OptOutRequest.parse(JsonBody.parseObject(json, ctx));
        String from = senders.require(request.from()).number();
        String credential = ctx.attribute(AcsHmacAuthentication.CREDENTIAL_ATTRIBUTE);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<String> canonical = new ArrayList<>();
        for (String to : request.recipients()) {
            SenderAddress.Parsed parsed = SenderAddress.e164(to);
            canonical.add(parsed.canonical().orElse(null));
            parsed.canonical().ifPresent(number -> records.add(record(from, number, action, credential)));
        }
        ctx.future(() -> publisher.publish(records).handle((ignored, failure) -> {
            if (failure != null) {
                throw new CompletionException(ApiException.unavailable("The opt-out change could not be stored: the "
                        + "message broker is not available. Nothing was changed; send the same request again.", retryAfterSeconds));
            }
            return null;
        }).thenCompose(ignored -> applied(from, canonical, action)).thenAccept(visible -> respond(ctx, request, canonical, visible)));
    }

    private CompletableFuture<List<Boolean>> applied(String from, List<String> recipients, OptOutAction action) {
        List<CompletableFuture<Boolean>> waits = recipients.stream()
                .map(to -> to == null ? CompletableFuture.completedFuture(false)
                        : table.awaitState(from, to, action == OptOutAction.ADD, applyTimeout))
                .toList();
        return CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new))
                .thenApply(done -> waits.stream().map(CompletableFuture::join).toList());
    }

    private void respond(Context ctx, OptOutRequest request, List<String> canonical, List<Boolean> visible) {
        ObjectNode body = json.createObjectNode();
        ArrayNode value = body.putArray("value");
        for (int i = 0; i < request.recipients().size(); i++) {
            ObjectNode item = value.addObject().put("to", request.recipients().get(i));
            if (canonical.get(i) == null) {
                invalid(item, SenderAddress.e164(request.recipients().get(i)));
            } else if (visible.get(i)) {
                item.put("httpStatusCode", 200);
            } else {
                item.put("httpStatusCode", 202).put("errorMessage", "Accepted and stored, but not yet applied by the "
                        + "opt-out processor within " + applyTimeout.toMillis() + " ms; a check may not show it yet.");
            }
        }
        ctx.status(200).contentType("application/json; charset=utf-8").result(body.toString());
    }

    private ProducerRecord<byte[], byte[]> record(String from, String to, OptOutAction action, String credential) {
        OptOutCommand command = OptOutCommand.newBuilder()
                .setCommandId(UUID.randomUUID().toString())
                .setFrom(from)
                .setTo(to)
                .setAction(action)
                .setRequestedAt(clock.instant())
                .setRequestedBy(credential == null ? null : credential + "-key")
                .build();
        String key = TopicKeys.optOut(from, to);
        return new ProducerRecord<>(commands.name(), commands.keySerde().serializer().serialize(commands.name(), key),
                commands.valueSerde().serializer().serialize(commands.name(), command));
    }

    private static void invalid(ObjectNode item, SenderAddress.Parsed parsed) {
        item.put("httpStatusCode", 400).put("errorMessage", "Invalid recipient phone number format: " + parsed.problem() + ".");
    }
}

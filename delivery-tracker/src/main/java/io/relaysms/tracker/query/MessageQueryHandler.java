package io.relaysms.tracker.query;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.relaysms.tracker.acs.AcsDeliveryReport;
import io.relaysms.tracker.reports.MessageTrack;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers a query about one message ({@code {messageId}} in the path): from this instance's store when it hosts the
 * message, else by forwarding to the instance that does. 404 with the RFC 7807 body when there is nothing to show.
 */
final class MessageQueryHandler {

    private final Supplier<MessageLocator> locator;
    private final RemoteQuery remote;
    private final Function<MessageTrack, Optional<?>> render;
    private final Counter forwarded;

    private MessageQueryHandler(Supplier<MessageLocator> locator, RemoteQuery remote, Function<MessageTrack, Optional<?>> render,
                                Counter forwarded) {
        this.locator = locator;
        this.remote = remote;
        this.render = render;
        this.forwarded = forwarded;
    }

    /** {@code GET /deliveryReports/{messageId}}: the ACS body once the message has its report. */
    static MessageQueryHandler deliveryReport(Supplier<MessageLocator> locator, RemoteQuery remote, Counter forwarded) {
        return new MessageQueryHandler(locator, remote, track -> Optional.ofNullable(track.report()).map(AcsDeliveryReport::of),
                forwarded);
    }

    /** {@code GET /messages/{messageId}/timeline}: whatever is known about the message. */
    static MessageQueryHandler timeline(Supplier<MessageLocator> locator, RemoteQuery remote, Counter forwarded) {
        return new MessageQueryHandler(locator, remote, track -> Optional.of(TimelineBody.of(track)), forwarded);
    }

    void handle(Context ctx) {
        MessageLocator current = locator.get();
        if (current == null) {
            throw new QueryUnavailableException("the delivery tracker is starting");
        }
        MessageLocator.Location location = current.locate(ctx.pathParam("messageId"));
        if (location instanceof MessageLocator.Location.Elsewhere elsewhere) {
            if (ctx.queryParam(RemoteQuery.FORWARDED) != null) {
                throw new QueryUnavailableException("the message's partition is moving between instances");
            }
            forwarded.increment();
            RemoteQuery.Answer answer = remote.get(elsewhere.host(), ctx.path());
            ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
            return;
        }
        Optional<?> body = ((MessageLocator.Location.Here) location).track().flatMap(render);
        if (body.isPresent()) {
            ctx.json(body.get());
        } else {
            ctx.status(404).json(ProblemDetails.notFound()).contentType(ProblemDetails.CONTENT_TYPE);
        }
    }
}

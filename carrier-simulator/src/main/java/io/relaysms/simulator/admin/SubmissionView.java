package io.relaysms.simulator.admin;

import io.relaysms.simulator.record.Submission;
import java.time.Instant;

/** A recorded submit as the admin API shows it; the body in hex, the text when the coding has one. */
record SubmissionView(long sequence, Instant receivedAt, String systemId, String sessionId,
                      String from, int fromTon, int fromNpi, String to, int toTon, int toNpi,
                      int esmClass, int dataCoding, int registeredDelivery, String serviceType,
                      String concatenation, int reference, int segment, int segments, boolean messagePayload,
                      String text, String bodyHex, int commandStatus, String status, String messageId, String rule) {

    static SubmissionView of(Submission s) {
        return new SubmissionView(s.sequence(), s.receivedAt(), s.systemId(), s.sessionId(),
                s.sourceAddr(), s.sourceTon(), s.sourceNpi(), s.destAddr(), s.destTon(), s.destNpi(),
                s.esmClass(), s.dataCoding(), s.registeredDelivery(), s.serviceType(),
                s.segment().method().name(), s.segment().reference(), s.segment().seqnum(), s.segment().total(),
                s.inMessagePayload(), s.text().orElse(null), s.bodyHex(), s.commandStatus(), s.status(),
                s.messageId().orElse(null), s.rule());
    }
}

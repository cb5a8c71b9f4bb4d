package io.relaysms.tracker.inbound;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The parts of a concatenated inbound message received so far, kept in the reassembly store under
 * {@code <to>|<from>|<carrier>|<reference>|<total>} until every part is there or {@code deadline} passes.
 */
public record PendingMessage(String to, String from, String carrierId, int total, long deadline, List<PendingPart> parts) {

    /** One received part and its 1-based position. */
    public record PendingPart(int sequence, PartView part) {
    }

    public PendingMessage {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    static String key(PartView part, PartLayout layout) {
        return part.to() + "|" + part.from() + "|" + part.carrierId() + "|" + layout.reference() + "|" + layout.total();
    }

    boolean has(int sequence) {
        return parts.stream().anyMatch(p -> p.sequence() == sequence);
    }

    PendingMessage with(int sequence, PartView part) {
        List<PendingPart> next = new ArrayList<>(parts);
        next.add(new PendingPart(sequence, part));
        return new PendingMessage(to, from, carrierId, total, deadline, next);
    }

    boolean complete() {
        return parts.size() >= total;
    }

    /** The parts in message order. */
    List<PartView> ordered() {
        return parts.stream().sorted(Comparator.comparingInt(PendingPart::sequence)).map(PendingPart::part).toList();
    }
}

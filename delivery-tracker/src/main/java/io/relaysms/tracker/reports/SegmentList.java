package io.relaysms.tracker.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The value of the match index: the segments indexed under one key (usually one; more when ids collide). */
public record SegmentList(List<IndexedSegment> segments) {

    public SegmentList {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    public static SegmentList empty() {
        return new SegmentList(List.of());
    }

    /** This list with the segment added, replacing an entry for the same segment. */
    public SegmentList with(IndexedSegment segment) {
        List<IndexedSegment> next = new ArrayList<>(segments.size() + 1);
        segments.stream().filter(s -> !s.sameSegment(segment)).forEach(next::add);
        next.add(segment);
        return new SegmentList(next);
    }

    public SegmentList without(Predicate<IndexedSegment> drop) {
        return new SegmentList(segments.stream().filter(drop.negate()).toList());
    }

    public SegmentList map(UnaryOperator<IndexedSegment> change) {
        return new SegmentList(segments.stream().map(change).toList());
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }
}

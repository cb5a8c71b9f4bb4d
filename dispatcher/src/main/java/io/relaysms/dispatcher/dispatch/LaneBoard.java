package io.relaysms.dispatcher.dispatch;

import io.relaysms.dispatcher.ratelimit.NumberBucket;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Every number's lane and when each is next due: now when it has work and tokens, or the instant its bucket
 * will hold enough tokens, or the instant its head's retry is due. The dispatch loop visits only due lanes, so a
 * number whose bucket is empty costs nothing and holds up nobody (no head-of-line blocking). Loop thread only.
 */
final class LaneBoard {

    private record Due(long atNanos, long sequence, NumberLane lane) {
    }

    private final Map<String, NumberLane> lanes = new HashMap<>();
    private final PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> a.atNanos != b.atNanos
            ? Long.compare(a.atNanos, b.atNanos) : Long.compare(a.sequence, b.sequence));
    private final int laneCapacity;
    private final int totalCapacity;
    private long sequence;
    private int buffered;

    LaneBoard(int laneCapacity, int totalCapacity) {
        this.laneCapacity = laneCapacity;
        this.totalCapacity = totalCapacity;
    }

    NumberLane lane(String number, java.util.function.Supplier<NumberBucket> bucket) {
        return lanes.computeIfAbsent(number, n -> new NumberLane(n, bucket.get(), laneCapacity));
    }

    NumberLane existing(String number) {
        return lanes.get(number);
    }

    /** Adds to the lane's tail unless the lane or the whole board is full. */
    boolean offer(NumberLane lane, PendingMessage message, long nowNanos) {
        if (!lane.hasRoom() || buffered >= totalCapacity) {
            return false;
        }
        lane.add(message);
        buffered++;
        scheduleAt(lane, nowNanos);
        return true;
    }

    /** Puts a message to retry back at its lane's head, due at its retry time. */
    void requeue(NumberLane lane, PendingMessage message) {
        lane.addFirst(message);
        buffered++;
        scheduleAt(lane, message.notBeforeNanos);
    }

    /** Schedules the lane at the given instant, or earlier if it is already due sooner. */
    void scheduleAt(NumberLane lane, long atNanos) {
        if (lane.scheduled && lane.scheduledAtNanos <= atNanos) {
            return;
        }
        lane.scheduled = true;
        lane.scheduledAtNanos = atNanos;
        due.add(new Due(atNanos, sequence++, lane));
    }

    /** The next lane due at or before now, unscheduled; null when none is. */
    NumberLane nextDue(long nowNanos) {
        while (!due.isEmpty() && due.peek().atNanos <= nowNanos) {
            Due next = due.poll();
            if (next.lane.scheduled && next.lane.scheduledAtNanos == next.atNanos) {
                next.lane.scheduled = false;
                return next.lane;
            }
        }
        return null;
    }

    /** Nanoseconds until the earliest lane is due (0 if one is), or the given maximum. */
    long nanosUntilNextDue(long nowNanos, long maxNanos) {
        while (!due.isEmpty()) {
            Due next = due.peek();
            if (next.lane.scheduled && next.lane.scheduledAtNanos == next.atNanos) {
                return Math.max(0, Math.min(maxNanos, next.atNanos - nowNanos));
            }
            due.poll();
        }
        return maxNanos;
    }

    PendingMessage take(NumberLane lane) {
        PendingMessage message = lane.poll();
        if (message != null) {
            buffered--;
        }
        return message;
    }

    void removePartitions(Collection<Integer> partitions) {
        for (NumberLane lane : lanes.values()) {
            buffered -= lane.removePartitions(partitions);
        }
    }

    boolean hasRoomOverall() {
        return buffered < totalCapacity * 9L / 10;
    }

    int buffered() {
        return buffered;
    }

    int laneCount() {
        return lanes.size();
    }
}

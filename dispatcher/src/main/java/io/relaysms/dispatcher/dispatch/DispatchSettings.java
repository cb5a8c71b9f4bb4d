package io.relaysms.dispatcher.dispatch;

import java.time.Duration;

/**
 * The knobs of the dispatch loop.
 *
 * @param workerId          names this worker in events and logs
 * @param laneCapacity      messages buffered per sending number before its partition is paused
 * @param totalCapacity     messages buffered by the worker before partitions are paused
 * @param commitInterval    how often events and offsets are committed (bounds the in-flight duplicate window)
 * @param shutdownGrace     how long a revoked partition's in-flight submits are awaited before they are abandoned
 * @param retry             backoff of transient errors
 * @param dedupeCapacity    finished messageIds remembered to recognise a request that arrives twice
 */
public record DispatchSettings(String workerId, int laneCapacity, int totalCapacity, Duration commitInterval,
                               Duration shutdownGrace, RetryPolicy retry, int dedupeCapacity) {

    public static DispatchSettings of(String workerId, int laneCapacity, int totalCapacity, Duration commitInterval,
                                      Duration shutdownGrace, Duration retryInitial, Duration retryMax, int dedupeCapacity) {
        return new DispatchSettings(workerId, laneCapacity, totalCapacity, commitInterval, shutdownGrace,
                new RetryPolicy(retryInitial, retryMax), dedupeCapacity);
    }
}

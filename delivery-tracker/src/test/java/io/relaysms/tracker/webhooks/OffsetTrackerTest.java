package io.relaysms.tracker.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private final TopicPartition p0 = new TopicPartition("reports", 0);
    private final OffsetTracker offsets = new OffsetTracker();

    @Test
    void commitsNoFurtherThanTheLowestUnfinishedOffset() {
        offsets.started(p0, 10);
        offsets.started(p0, 11);
        offsets.started(p0, 12);
        offsets.finished(p0, 10);
        offsets.finished(p0, 12);

        assertThat(offsets.committable()).containsEntry(p0, new OffsetAndMetadata(11));

        offsets.finished(p0, 11);
        assertThat(offsets.committable()).containsEntry(p0, new OffsetAndMetadata(13));
        assertThat(offsets.committable()).isEmpty();
    }

    @Test
    void forgetsARevokedPartitionSoLateCompletionsChangeNothing() {
        offsets.started(p0, 5);
        offsets.forget(List.of(p0));
        offsets.finished(p0, 5);

        assertThat(offsets.committable()).isEmpty();
        assertThat(offsets.unfinished()).isZero();
    }
}

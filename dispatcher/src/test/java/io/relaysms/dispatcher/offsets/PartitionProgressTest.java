package io.relaysms.dispatcher.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {

    @Test
    void commitsTheLowestUnfinishedOffsetWhenLaterOnesFinishFirst() {
        PartitionProgress p = new PartitionProgress(10, 0);
        p.started(10);
        p.started(11);
        p.started(12);

        p.finished(12);
        p.finished(11);

        assertThat(p.committableOffset()).isEqualTo(10);
        p.finished(10);
        assertThat(p.committableOffset()).isEqualTo(13);
    }

    @Test
    void skippedOffsetsMoveTheCommitWhenNothingIsUnfinished() {
        PartitionProgress p = new PartitionProgress(0, 0);
        p.skipped(0);
        p.skipped(1);

        assertThat(p.committableOffset()).isEqualTo(2);
    }

    @Test
    void theMetadataPointsAtTheEventsBeforeTheOldestUnfinishedRequest() {
        PartitionProgress p = new PartitionProgress(0, 100);
        p.started(0);
        p.eventsWrittenUpTo(150);
        p.started(1);
        p.finished(1);
        p.eventsWrittenUpTo(180);

        OffsetAndMetadata commit = p.commit();

        assertThat(commit.offset()).isZero();
        assertThat(CommitMetadata.decode(commit.metadata())).contains(new CommitMetadata(100, 2));
        p.finished(0);
        assertThat(CommitMetadata.decode(p.commit().metadata())).contains(new CommitMetadata(180, 2));
    }

    @Test
    void commitsOnlyWhenTheOffsetMoved() {
        PartitionProgress p = new PartitionProgress(5, 0);
        p.committed(p.commit());

        assertThat(p.commitIfMoved()).isNull();
        p.skipped(5);
        assertThat(p.commitIfMoved()).isNotNull();
    }

    @Test
    void offsetsThePreviousOwnerFinishedAreAnsweredOnce() {
        PartitionProgress p = new PartitionProgress(0, 0, 0, Set.of(3L));

        assertThat(p.doneByPreviousOwner(3)).isTrue();
        assertThat(p.doneByPreviousOwner(3)).isFalse();
        assertThat(p.doneByPreviousOwner(4)).isFalse();
    }

    @Test
    void theFloorStaysAtTheScanWhileWorkThePreviousOwnerFinishedIsNotReadAgain() {
        // Taken over at offset 10; the scan from event 40 to 90 found offset 12 already done.
        PartitionProgress p = new PartitionProgress(10, 40, 90, Set.of(12L));

        assertThat(CommitMetadata.decode(p.commit().metadata())).contains(new CommitMetadata(40, 10));
        p.started(10);
        p.skipped(11);
        assertThat(p.doneByPreviousOwner(12)).isTrue();
        p.skipped(12);
        // 10 is still unfinished: the commit stays at 10, and its floor must still reach back to the scan's start
        assertThat(CommitMetadata.decode(p.commit().metadata())).contains(new CommitMetadata(40, 13));
        p.finished(10);
        assertThat(CommitMetadata.decode(p.commit().metadata())).contains(new CommitMetadata(90, 13));
    }

    @Test
    void metadataFromAnotherToolIsIgnored() {
        assertThat(CommitMetadata.decode("")).isEmpty();
        assertThat(CommitMetadata.decode(null)).isEmpty();
        assertThat(CommitMetadata.decode("relay1;events=7;read=9")).contains(new CommitMetadata(7, 9));
    }
}

package io.relaysms.dispatcher.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.relaysms.topics.TopicCatalog;
import io.relaysms.topics.TopicSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventCommitterTest {

    private static final TopicPartition REQUESTS_0 = new TopicPartition("sms-requests", 0);
    private static final ConsumerGroupMetadata GROUP = new ConsumerGroupMetadata("relay-dispatcher");

    private final CountDownLatch commitMayFinish = new CountDownLatch(1);
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()) {
        @Override
        public void commitTransaction() {
            try {
                commitMayFinish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.commitTransaction();
        }
    };
    private final EventTransactions transactions = new EventTransactions(producer,
            TopicCatalog.create(TopicSettings.defaults(), Map.of()).dispatchEvents());
    private final EventCommitter committer = new EventCommitter(transactions, () -> { }, new DispatcherMetrics(new SimpleMeterRegistry()));

    @AfterEach
    void close() {
        commitMayFinish.countDown();
        committer.close();
    }

    /** The loop collects, then asks whether it may start the next commit; the running one may finish in between. */
    @Test
    void aCommitThatFinishedIsPendingUntilTheLoopCollectsIt() {
        transactions.initialise();
        committer.start(new EventTransactions.Batch(), Map.of(REQUESTS_0, new OffsetAndMetadata(5)), GROUP);
        assertThat(committer.collect(false)).as("still running").isNull();

        commitMayFinish.countDown();
        await().atMost(Duration.ofSeconds(10)).until(committer::pendingFinished);

        assertThat(committer.hasPending()).isTrue();
        assertThatThrownBy(() -> committer.start(new EventTransactions.Batch(), Map.of(), GROUP))
                .isInstanceOf(IllegalStateException.class);
        assertThat(committer.collect(false)).isNotNull()
                .satisfies(done -> assertThat(done.offsets()).containsEntry(REQUESTS_0, new OffsetAndMetadata(5)));
        assertThat(committer.hasPending()).isFalse();
        assertThat(producer.consumerGroupOffsetsHistory()).singleElement()
                .satisfies(offsets -> assertThat(offsets.get(GROUP.groupId())).containsEntry(REQUESTS_0, new OffsetAndMetadata(5)));
    }
}

package io.relaysms.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BrokerTrafficTest {

    @Test
    void streamsTopicsAndKafkasOwnLogsAreGroupedApartFromRelaysTopics() {
        assertThat(BrokerTraffic.groupOf("sms-delivery-reports")).isEqualTo(BrokerTraffic.RELAY_TOPICS);
        assertThat(BrokerTraffic.groupOf("relay-delivery-tracker-match-inputs-repartition")).isEqualTo(BrokerTraffic.REPARTITION);
        assertThat(BrokerTraffic.groupOf("relay-delivery-tracker-messages-changelog")).isEqualTo(BrokerTraffic.CHANGELOG);
        assertThat(BrokerTraffic.groupOf("__consumer_offsets")).isEqualTo(BrokerTraffic.CONSUMER_OFFSETS);
        assertThat(BrokerTraffic.groupOf("__transaction_state")).isEqualTo(BrokerTraffic.TRANSACTION_STATE);
    }

    @Test
    void growthCountsNewPartitionsFromZeroAndNeverShrinksWhenALogIsCompacted() {
        TopicPartition requests = new TopicPartition("sms-requests", 0);
        TopicPartition changelog = new TopicPartition("t-messages-changelog", 0);
        TopicPartition repartition = new TopicPartition("t-match-inputs-repartition", 3);
        BrokerTraffic.Snapshot before = new BrokerTraffic.Snapshot(Map.of(requests, 100L, changelog, 50L),
                Map.of(requests, 10_000L, changelog, 9_000L));
        BrokerTraffic.Snapshot after = new BrokerTraffic.Snapshot(Map.of(requests, 160L, changelog, 80L, repartition, 7L),
                Map.of(requests, 16_000L, changelog, 4_000L, repartition, 700L));

        BrokerTraffic.Growth growth = BrokerTraffic.between(before, after);

        assertThat(growth.records()).containsEntry(BrokerTraffic.RELAY_TOPICS, 60L).containsEntry(BrokerTraffic.CHANGELOG, 30L)
                .containsEntry(BrokerTraffic.REPARTITION, 7L).containsEntry(BrokerTraffic.CONSUMER_OFFSETS, 0L);
        assertThat(growth.totalRecords()).isEqualTo(97);
        assertThat(growth.bytes()).containsEntry(BrokerTraffic.RELAY_TOPICS, 6_000L).containsEntry(BrokerTraffic.CHANGELOG, 0L)
                .containsEntry(BrokerTraffic.REPARTITION, 700L);
        assertThat(growth.totalBytes()).isEqualTo(6_700);
        assertThat(growth.largestTopics(2)).containsExactly("sms-requests", "t-match-inputs-repartition");
    }
}

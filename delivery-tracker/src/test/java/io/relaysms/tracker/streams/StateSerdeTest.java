package io.relaysms.tracker.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import io.relaysms.tracker.reports.IndexedSegment;
import io.relaysms.tracker.reports.MatchInput;
import io.relaysms.tracker.reports.ReceiptView;
import io.relaysms.tracker.reports.SegmentList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StateSerdeTest {

    private static final ReceiptView RECEIPT = new ReceiptView("sim", "1a2b3c", "DELIVRD", "000", 2, 1_700_000_000_000L,
            1_700_000_001_000L, "+14255550123", "+18005550100",
            "id:1a2b3c sub:001 dlvrd:001 submit date:2311141333 done date:2311141333 stat:DELIVRD err:000 text:",
            1_700_000_001_500L);

    private final StateSerde<MatchInput> inputs = StateSerde.of(MatchInput.class);

    @Test
    void readsBackWhatItWrites() {
        MatchInput submission = new MatchInput.Submission("sim", "1a2b3c", "m-1", 1, 2, 0, "+18005550100", "+14255550123",
                1_700_000_000_000L, 1_700_600_000_000L);
        MatchInput receipt = new MatchInput.Receipt(RECEIPT);

        for (MatchInput input : List.of(submission, receipt)) {
            byte[] bytes = inputs.serializer().serialize("t", input);
            assertThat(inputs.deserializer().deserialize("t", bytes)).isEqualTo(input);
        }
    }

    @Test
    void writesSmileThatIsSmallerThanTheJsonText() throws Exception {
        SegmentList list = SegmentList.empty().with(new IndexedSegment("sim", "1a2b3c", "m-1", 1, 1, 0, "+18005550100",
                "+14255550123", 1_700_000_000_000L, 1_700_600_000_000L, false, false));

        byte[] smile = StateSerde.of(SegmentList.class).serializer().serialize("t", list);
        byte[] json = new ObjectMapper().writeValueAsBytes(list);

        assertThat(new String(smile, 0, 2, StandardCharsets.US_ASCII)).isEqualTo(":)");
        assertThat(smile.length).isLessThan(json.length);
        assertThat(StateSerde.of(SegmentList.class).deserializer().deserialize("t", smile)).isEqualTo(list);
    }

    @Test
    void writesARepeatedShortStringOnceAndStillReadsRecordsWrittenWithoutSharing() throws Exception {
        SegmentList list = SegmentList.empty()
                .with(new IndexedSegment("sim", "1a2b3c", "m-1", 1, 2, 0, "+18005550100", "+14255550123", 1_700_000_000_000L,
                        1_700_600_000_000L, false, false))
                .with(new IndexedSegment("sim", "1a2b3d", "m-1", 2, 2, 0, "+18005550100", "+14255550123", 1_700_000_000_000L,
                        1_700_600_000_000L, false, false));
        byte[] unshared = new ObjectMapper(new SmileFactory()).setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .writeValueAsBytes(list);

        byte[] shared = StateSerde.of(SegmentList.class).serializer().serialize("t", list);

        assertThat(shared.length).isLessThan(unshared.length);
        // The header announces shared values (bit 0x02 of its fourth byte): any Smile reader, an older tracker's
        // during a rolling upgrade too, follows them.
        assertThat(shared[3] & 0x02).isEqualTo(0x02);
        ObjectMapper olderTracker = new ObjectMapper(new SmileFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        assertThat(olderTracker.readValue(shared, SegmentList.class)).isEqualTo(list);
        assertThat(StateSerde.of(SegmentList.class).deserializer().deserialize("t", shared)).isEqualTo(list);
        assertThat(StateSerde.of(SegmentList.class).deserializer().deserialize("t", unshared)).isEqualTo(list);
    }

    @Test
    void readsTheJsonTextThatEarlierVersionsStored() {
        String earlier = "{\"kind\":\"receipt\",\"receipt\":{\"carrierId\":\"sim\",\"carrierMessageId\":\"1a2b3c\",\"status\":\"DELIVRD\","
                + "\"errorCode\":\"000\",\"messageState\":2,\"submitDate\":1700000000000,\"doneDate\":1700000001000,"
                + "\"handset\":\"+14255550123\",\"ourNumber\":\"+18005550100\",\"receiptText\":\"" + RECEIPT.receiptText()
                + "\",\"receivedAt\":1700000001500,\"aFieldOfALaterVersion\":true}}";

        assertThat(inputs.deserializer().deserialize("t", earlier.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new MatchInput.Receipt(RECEIPT));
    }

    @Test
    void namesTheTypeAndTopicOfWhatItCannotRead() {
        assertThatThrownBy(() -> inputs.deserializer().deserialize("match-inputs", new byte[] {':', ')', '\n', 0x7f, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("MatchInput").hasMessageContaining("match-inputs");
    }
}

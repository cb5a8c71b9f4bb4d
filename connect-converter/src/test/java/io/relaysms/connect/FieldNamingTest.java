package io.relaysms.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldNamingTest {

    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource({
            "messageId, message_id",
            "from, from",
            "receiptLatencyP50Millis, receipt_latency_p50_millis",
            "deliveryStatusDetails, delivery_status_details",
            "sarTotalSegments, sar_total_segments",
            "smsURLValue, sms_url_value"
    })
    void spellsAvroNamesAsSnakeCaseColumns(String avro, String column) {
        assertThat(FieldNaming.SNAKE_CASE.apply(avro)).isEqualTo(column);
    }
}

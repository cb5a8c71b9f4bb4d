package io.relaysms.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.schemas.OptOutAction;
import io.relaysms.schemas.OptOutCommand;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

    @Test
    void writesMagicByteThenBigEndianSchemaIdThenAvroBinary() {
        OptOutCommand command = new OptOutCommand("c", "+1", "+2", OptOutAction.REMOVE, Instant.ofEpochMilli(1), null);

        byte[] bytes = AvroSerde.of(OptOutCommand.class, Map.of()).serializer().serialize("sms-optout-commands", command);

        assertThat(bytes).containsExactly(
                0x00,                   // magic byte
                0x00, 0x00, 0x00, 0x07, // schema id 7 (OptOutCommand v1), big-endian
                0x02, 'c',              // commandId: zig-zag length 1, "c"
                0x04, '+', '1',         // from
                0x04, '+', '2',         // to
                0x02,                   // action: enum index 1 (REMOVE)
                0x02,                   // requestedAt: zig-zag long 1
                0x00);                  // requestedBy: union branch 0 (null)
    }

    @Test
    void readsTheSchemaIdAsABigEndianInteger() {
        byte[] framed = {0, 0x01, 0x02, 0x03, 0x04, 0x00};

        assertThat(ConfluentWireFormat.readSchemaId("t", framed)).isEqualTo(0x01020304);
    }
}

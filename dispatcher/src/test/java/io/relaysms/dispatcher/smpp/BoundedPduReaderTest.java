package io.relaysms.dispatcher.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jsmpp.InvalidCommandLengthException;
import org.jsmpp.bean.Command;
import org.junit.jupiter.api.Test;

class BoundedPduReaderTest {

    @Test
    void refusesWhatAnHttpServerAnswersInsteadOfAllocatingItsFirstFourBytes() {
        byte[] http = "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new BoundedPduReader().readPDUHeader(new DataInputStream(new ByteArrayInputStream(http))))
                .isInstanceOf(InvalidCommandLengthException.class)
                .hasMessageContaining("command_length 1213486160")
                .hasMessageContaining("is the carrier's host:port an SMPP server?");
    }

    @Test
    void readsTheHeaderOfARealPdu() throws Exception {
        ByteBuffer enquireLinkResp = ByteBuffer.allocate(16).putInt(16).putInt(0x80000015).putInt(0).putInt(7);

        Command header = new BoundedPduReader().readPDUHeader(new DataInputStream(new ByteArrayInputStream(enquireLinkResp.array())));

        assertThat(header.getCommandLength()).isEqualTo(16);
        assertThat(header.getSequenceNumber()).isEqualTo(7);
    }
}

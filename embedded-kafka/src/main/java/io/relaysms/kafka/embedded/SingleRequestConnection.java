package io.relaysms.kafka.embedded;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * Sends one Kafka protocol request to a plain-text listener and reads its response, over a connection of its own.
 * For the few requests Kafka's clients do not expose; everything else goes through Admin and the producer.
 */
final class SingleRequestConnection {

    private static final AtomicInteger correlationIds = new AtomicInteger();

    private SingleRequestConnection() {
    }

    static AbstractResponse send(InetSocketAddress broker, AbstractRequest request, String clientId, Duration timeout) throws IOException {
        RequestHeader header = new RequestHeader(request.apiKey(), request.version(), clientId, correlationIds.incrementAndGet());
        ByteBuffer serialized = request.serializeWithHeader(header);
        try (Socket socket = new Socket()) {
            int millis = Math.toIntExact(timeout.toMillis());
            socket.connect(broker, millis);
            socket.setSoTimeout(millis);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            byte[] bytes = new byte[serialized.remaining()];
            serialized.get(bytes);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] response = new byte[in.readInt()];
            in.readFully(response);
            return AbstractResponse.parseResponse(ByteBuffer.wrap(response), header);
        }
    }
}

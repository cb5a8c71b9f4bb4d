package io.relaysms.simulator.smpp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * Listens on a chosen interface and sets TCP_NODELAY on every accepted connection: jSMPP does not, and with
 * many requests in flight Nagle's algorithm plus delayed ACKs add about 40 ms to responses (platform notes).
 * Remembers the port it bound, so port 0 (ephemeral) can be reported.
 */
final class NoDelayServerConnectionFactory implements ServerConnectionFactory {

    private final InetAddress bindAddress;
    private volatile int boundPort = -1;

    NoDelayServerConnectionFactory(InetAddress bindAddress) {
        this.bindAddress = bindAddress;
    }

    int boundPort() {
        return boundPort;
    }

    @Override
    public ServerConnection listen(int port) throws IOException {
        return listen(port, 0, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
        return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
        ServerSocket serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(bindAddress, port), backlog);
        serverSocket.setSoTimeout(timeout);
        boundPort = serverSocket.getLocalPort();
        return new ServerConnection() {
            @Override
            public Connection accept() throws IOException {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                return new SocketConnection(socket);
            }

            @Override
            public void setSoTimeout(int soTimeout) throws IOException {
                serverSocket.setSoTimeout(soTimeout);
            }

            @Override
            public int getSoTimeout() throws IOException {
                return serverSocket.getSoTimeout();
            }

            @Override
            public void close() throws IOException {
                serverSocket.close();
            }
        };
    }
}

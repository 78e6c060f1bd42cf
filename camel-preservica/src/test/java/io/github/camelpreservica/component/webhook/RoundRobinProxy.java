package io.github.camelpreservica.component.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small load balancer on loopback for the replica tests: each connection goes to the next backend port in turn
 * (skipping one that refuses), carrying one request, to which it adds {@code Connection: close} so that the next
 * request opens a new connection and may land on the other replica. Bytes are relayed unchanged otherwise.
 */
final class RoundRobinProxy implements AutoCloseable {

    private static final int MAX_HEAD = 64 * 1024;

    private final ServerSocket server;
    private final List<Integer> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private volatile boolean closed;

    RoundRobinProxy(List<Integer> backendPorts) throws IOException {
        this.backends = List.copyOf(backendPorts);
        this.server = new ServerSocket(0, 50, InetAddress.getByName(WebhookTestSupport.LOOPBACK));
        threads.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                threads.execute(() -> relay(client));
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("the proxy stopped accepting", e);
                }
            }
        }
    }

    private void relay(Socket client) {
        try (client) {
            client.setSoTimeout(30_000);
            byte[] head = readHead(client.getInputStream());
            if (head == null) {
                return;
            }
            try (Socket backend = connectToNextBackend()) {
                if (backend == null) {
                    client.getOutputStream()
                            .write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                backend.getOutputStream().write(withConnectionClose(head));
                backend.getOutputStream().flush();
                threads.execute(() -> pipe(client, backend));
                pipe(backend, client);
            }
        } catch (IOException e) {
            // a connection closed half way: the client sees it as such, as it would with a real balancer
        }
    }

    private Socket connectToNextBackend() {
        int start = Math.floorMod(next.getAndIncrement(), backends.size());
        for (int i = 0; i < backends.size(); i++) {
            int port = backends.get((start + i) % backends.size());
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(WebhookTestSupport.LOOPBACK, port), 5_000);
                socket.setSoTimeout(30_000);
                return socket;
            } catch (IOException refused) {
                closeQuietly(socket);
            }
        }
        return null;
    }

    /** The request head up to and including the blank line, or null if the client closed first. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        while (matched < end.length) {
            int b = in.read();
            if (b == -1 || head.size() > MAX_HEAD) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }

    /** The head with any Connection header replaced by {@code Connection: close}. */
    private static byte[] withConnectionClose(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\r\n");
        out.append(lines[0]).append("\r\n").append("Connection: close\r\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty() && !lines[i].toLowerCase(Locale.ROOT).startsWith("connection:")) {
                out.append(lines[i]).append("\r\n");
            }
        }
        out.append("\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side went away: the other is closed by relay()
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        threads.shutdownNow();
    }
}

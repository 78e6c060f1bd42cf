package io.github.camelpreservica.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a plain socket, for requests java.net.http refuses to send: broken framing, duplicate
 * headers, chunks of our choosing, bodies that stop half way. Reads one response.
 */
public final class RawHttp implements AutoCloseable {

    /** The status of a connection the server closed without answering. */
    public static final int NO_ANSWER = -1;
    /** The status of an answer that had no HTTP status line (an HTTP/0.9-style answer: the body alone). */
    public static final int NO_STATUS_LINE = -2;
    /** The status of a connection still open, unanswered, when the read timeout ran out. */
    public static final int STILL_OPEN = -3;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public RawHttp(int port, int readTimeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(HostileRequests.LOOPBACK, port), 10_000);
        socket.setSoTimeout(readTimeoutMillis);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends the whole request and reads the answer's status. */
    public static int exchange(int port, byte[] request) throws IOException {
        try (RawHttp http = new RawHttp(port, 30_000)) {
            http.write(request);
            return http.readResponse().status();
        }
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Concatenates request parts: head text, then body bytes. */
    public static byte[] request(String head, byte[] body) {
        byte[] start = ascii(head);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    /** Writes and flushes; false if the server has already closed the connection. */
    public boolean write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the body as chunks of {@code size} bytes each, then the last chunk. */
    public boolean writeChunked(byte[] body, int size) {
        for (int i = 0; i < body.length; i += size) {
            int length = Math.min(size, body.length - i);
            byte[] chunk = new byte[length];
            System.arraycopy(body, i, chunk, 0, length);
            if (!write(ascii(Integer.toHexString(length) + "\r\n")) || !write(chunk) || !write(ascii("\r\n"))) {
                return false;
            }
        }
        return write(ascii("0\r\n\r\n"));
    }

    /**
     * Reads the status line, headers and a Content-Length or chunked body; status {@link #NO_ANSWER} if closed before.
     */
    public Response readResponse() throws IOException {
        String statusLine;
        try {
            statusLine = readLine();
        } catch (SocketTimeoutException e) {
            return new Response(STILL_OPEN, Map.of(), new byte[0]);
        } catch (SocketException e) {
            // reset by the server: closed without answering
            return new Response(NO_ANSWER, Map.of(), new byte[0]);
        }
        if (statusLine == null) {
            return new Response(NO_ANSWER, Map.of(), new byte[0]);
        }
        if (!statusLine.startsWith("HTTP/")) {
            return new Response(NO_STATUS_LINE, Map.of(), statusLine.getBytes(StandardCharsets.ISO_8859_1));
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return new Response(status, headers, readChunks());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Response(status, headers, in.readNBytes(length));
    }

    private byte[] readChunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String size = readLine(); size != null; size = readLine()) {
            int length = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (length == 0) {
                // trailers, then the empty line
                for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
                    // no trailer matters here
                }
                break;
            }
            body.write(in.readNBytes(length));
            readLine();
        }
        return body.toByteArray();
    }

    /** Whether the server closed the connection within the socket's read timeout (without sending anything more). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public record Response(int status, Map<String, String> headers, byte[] body) {
    }
}

package io.github.camelpreservica.examples.printevents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Copies everything written to {@link System#out} while it is installed, still passing it on to the real standard
 * output. The route under test writes to the real {@code stream:out}, so this sees exactly what a user would.
 */
final class StandardOutputCapture implements AutoCloseable {

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    private StandardOutputCapture() {
    }

    static StandardOutputCapture install() {
        StandardOutputCapture capture = new StandardOutputCapture();
        System.setOut(new PrintStream(new Tee(capture.original, capture.copy), true, StandardCharsets.UTF_8));
        return capture;
    }

    /** The complete lines written so far. */
    List<String> lines() {
        String text;
        synchronized (copy) {
            text = copy.toString(StandardCharsets.UTF_8);
        }
        int lastNewLine = text.lastIndexOf('\n');
        return lastNewLine < 0 ? List.of() : text.substring(0, lastNewLine).lines().toList();
    }

    /** Waits for the first complete line that contains the text, and returns it. */
    String awaitLineContaining(String text) {
        return await().atMost(30, TimeUnit.SECONDS)
                .until(() -> lines().stream().filter(line -> line.contains(text)).findFirst(),
                        line -> line.isPresent())
                .get();
    }

    @Override
    public void close() {
        System.setOut(original);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            write(new byte[]{ (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (second) {
                second.write(bytes, offset, length);
            }
            try {
                first.write(bytes, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}

package io.github.camelpreservica.component.webhook;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the consumer reads a body that platform-http hands it as a stream (engines other than Vert.x): every byte, in
 * order, and never more than the limit, whatever the declared length says and however the stream splits its reads.
 */
class BodyStreamReadTest {

    private static final int LIMIT = 10_001;

    @ParameterizedTest(name = "{0} bytes, declared {1}")
    @CsvSource(nullValues = "none", value = {
            "0, none", "0, 0", "1, none", "1, 1", "1024, none", "1024, 1024", "2048, none", "2049, none",
            "5000, 5000", "5000, 10", "10, 5000", "10000, none", "10000, 10000", "10001, none", "10001, 10001",
            "20000, none", "20000, 20000", "20000, 10", "3000, -1" })
    void readsEveryByteUpToTheLimit(int size, Long declared) throws IOException {
        byte[] body = new byte[size];
        new Random(size).nextBytes(body);
        byte[] expected = Arrays.copyOf(body, Math.min(size, LIMIT));

        assertThat(RequestBodyReader.readAtMost(new ByteArrayInputStream(body), declared, LIMIT))
                .isEqualTo(expected);
        assertThat(RequestBodyReader.readAtMost(oneByteAtATime(body), declared, LIMIT)).isEqualTo(expected);
    }

    private static InputStream oneByteAtATime(byte[] body) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
    }
}

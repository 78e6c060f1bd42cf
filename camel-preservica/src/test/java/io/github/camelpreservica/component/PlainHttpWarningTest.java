package io.github.camelpreservica.component;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlainHttpWarningTest {

    @ParameterizedTest
    @ValueSource(strings = { "http://eu.preservica.com", "HTTP://hooks.example.org/preservica/events",
            "http://10.0.0.5:8080/x", "http://[2001:db8::1]/x" })
    void warnsForPlainHttpBeyondThisHost(String url) {
        assertThat(PlainHttpWarning.isPlainHttpBeyondLoopback(url)).isTrue();
        assertThat(PlainHttpWarning.warnIfPlainHttp("server", url, "test")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://eu.preservica.com", "http://127.0.0.1:9000", "http://localhost:8080/x",
            "http://[::1]:8080/x", "http://127.0.0.2/x" })
    void staysQuietForHttpsAndLoopback(String url) {
        assertThat(PlainHttpWarning.warnIfPlainHttp("webhookExternalUrl", url, "test")).isFalse();
    }
}

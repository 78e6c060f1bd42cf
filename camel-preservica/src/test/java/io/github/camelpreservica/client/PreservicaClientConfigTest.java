package io.github.camelpreservica.client;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreservicaClientConfigTest {

    private static PreservicaClientConfig.Builder valid() {
        return PreservicaClientConfig.builder().server("eu.preservica.com").username("admin").password("pw");
    }

    @Test
    void turnsHostNameIntoHttpsBaseUri() {
        assertEquals("https://eu.preservica.com", valid().build().baseUri().toString());
    }

    @Test
    void keepsFullBaseUrlAndTrimsTrailingSlashes() {
        assertEquals("http://127.0.0.1:9000", valid().server("http://127.0.0.1:9000//").build().baseUri().toString());
    }

    @Test
    void rejectsServerWithUnsupportedScheme() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> valid().server("ftp://host").build());
        assertTrue(e.getMessage().contains("ftp://host"), e.getMessage());
    }

    @Test
    void namesEveryMissingRequiredSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PreservicaClientConfig.builder().build());
        assertTrue(e.getMessage().contains("server is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("username is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("password is missing"), e.getMessage());
    }

    @Test
    void hasDocumentedDefaults() {
        PreservicaClientConfig config = valid().build();
        assertEquals(Duration.ofSeconds(10), config.connectTimeout());
        assertEquals(Duration.ofSeconds(30), config.readTimeout());
        assertEquals(3, config.maxRetries());
        assertEquals(Duration.ofMillis(250), config.retryBackoff());
        assertEquals(Optional.empty(), config.tenant());
    }

    @Test
    void rejectsNegativeRetriesAndNonPositiveTimeouts() {
        assertThrows(IllegalArgumentException.class, () -> valid().maxRetries(-1).build());
        assertThrows(IllegalArgumentException.class, () -> valid().readTimeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> valid().connectTimeout(Duration.ofSeconds(-1)).build());
    }

    @Test
    void treatsBlankTenantAsAbsent() {
        assertEquals(Optional.empty(), valid().tenant("  ").build().tenant());
    }

    @Test
    void toStringHidesPasswordAndSeed() {
        String text = valid().password("s3cr3t-Pa55").twoFactorSeed("JBSWY3DPEHPK3PXP").tenant("TEST").build()
                .toString();
        assertFalse(text.contains("s3cr3t-Pa55"), text);
        assertFalse(text.contains("JBSWY3DPEHPK3PXP"), text);
        assertTrue(text.contains("admin") && text.contains("TEST") && text.contains("eu.preservica.com"), text);
    }
}

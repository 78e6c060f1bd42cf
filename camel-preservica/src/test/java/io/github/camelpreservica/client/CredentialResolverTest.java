package io.github.camelpreservica.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialResolverTest {

    @TempDir
    Path dir;

    private Path credentialsFile(String content) throws IOException {
        Path file = dir.resolve("credentials.properties");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void prefersExplicitValueOverEnvironmentAndFile() throws IOException {
        CredentialResolver resolver = new CredentialResolver(Map.of("PRESERVICA_PASSWORD", "from-env"),
                credentialsFile("[credentials]\npassword=from-file\n"));
        assertEquals(Optional.of("explicit"), resolver.resolve(CredentialKey.PASSWORD, "explicit"));
    }

    @Test
    void prefersEnvironmentOverFile() throws IOException {
        CredentialResolver resolver = new CredentialResolver(Map.of("PRESERVICA_PASSWORD", "from-env"),
                credentialsFile("[credentials]\npassword=from-file\n"));
        assertEquals(Optional.of("from-env"), resolver.resolve(CredentialKey.PASSWORD, null));
    }

    @Test
    void fallsBackToTheCredentialsSectionOfTheFile() throws IOException {
        CredentialResolver resolver = new CredentialResolver(Map.of(),
                credentialsFile("[credentials]\nusername = admin\npassword=p=w:rd\nserver=eu.preservica.com\n"
                        + "tenant=TEST\ntwoFactorToken=JBSWY3DPEHPK3PXP\nsecret.key=shh\n"));
        assertEquals(Optional.of("admin"), resolver.resolve(CredentialKey.USERNAME, null));
        assertEquals(Optional.of("p=w:rd"), resolver.resolve(CredentialKey.PASSWORD, null));
        assertEquals(Optional.of("eu.preservica.com"), resolver.resolve(CredentialKey.SERVER, null));
        assertEquals(Optional.of("TEST"), resolver.resolve(CredentialKey.TENANT, null));
        assertEquals(Optional.of("JBSWY3DPEHPK3PXP"), resolver.resolve(CredentialKey.TWO_FACTOR_SEED, null));
        assertEquals(Optional.of("shh"), resolver.resolve(CredentialKey.WEBHOOK_SECRET, null));
    }

    @Test
    void ignoresKeysOutsideTheCredentialsSection() throws IOException {
        CredentialResolver resolver = new CredentialResolver(Map.of(), credentialsFile(
                "password=before-any-section\n[other]\npassword=other-section\n# comment\n[credentials]\nusername=u\n"));
        assertEquals(Optional.empty(), resolver.resolve(CredentialKey.PASSWORD, null));
        assertEquals(Optional.of("u"), resolver.resolve(CredentialKey.USERNAME, null));
    }

    @Test
    void treatsBlankValuesAsAbsentAtEveryStep() throws IOException {
        CredentialResolver resolver = new CredentialResolver(Map.of("PRESERVICA_TENANT", " "),
                credentialsFile("[credentials]\ntenant=\n"));
        assertEquals(Optional.empty(), resolver.resolve(CredentialKey.TENANT, ""));
    }

    @Test
    void readsEnvironmentVariablesUnderTheirDocumentedNames() {
        CredentialResolver resolver = new CredentialResolver(Map.of("PRESERVICA_2FA_TOKEN", "seed",
                "PRESERVICA_WEBHOOK_SECRET", "secret", "PRESERVICA_SERVER", "host"), dir.resolve("absent"));
        assertEquals(Optional.of("seed"), resolver.resolve(CredentialKey.TWO_FACTOR_SEED, null));
        assertEquals(Optional.of("secret"), resolver.resolve(CredentialKey.WEBHOOK_SECRET, null));
        assertEquals(Optional.of("host"), resolver.resolve(CredentialKey.SERVER, null));
    }

    @Test
    void missingFileMeansNoValues() {
        CredentialResolver resolver = new CredentialResolver(Map.of(), dir.resolve("no-such-file.properties"));
        assertEquals(Optional.empty(), resolver.resolve(CredentialKey.USERNAME, null));
    }

    @Test
    void describesWhereAValueCanBeSet() {
        CredentialResolver resolver = new CredentialResolver(Map.of(), null);
        assertEquals("option, environment variable PRESERVICA_PASSWORD or 'password' in credentials.properties",
                resolver.describeSources(CredentialKey.PASSWORD));
    }

    @Test
    void marksOnlyPasswordSeedAndWebhookSecretAsSecret() {
        assertTrue(CredentialKey.PASSWORD.isSecret());
        assertTrue(CredentialKey.TWO_FACTOR_SEED.isSecret());
        assertTrue(CredentialKey.WEBHOOK_SECRET.isSecret());
        assertFalse(CredentialKey.USERNAME.isSecret());
        assertFalse(CredentialKey.SERVER.isSecret());
        assertFalse(CredentialKey.TENANT.isSecret());
    }

    @Test
    void configFromResolverNamesTheMissingValueAndWhereToSetIt() {
        CredentialResolver resolver = new CredentialResolver(
                Map.of("PRESERVICA_SERVER", "eu.preservica.com", "PRESERVICA_USERNAME", "admin"), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PreservicaClientConfig.fromResolver(resolver, null, null, null, null, null));
        assertEquals("No Preservica password: set the password option, environment variable PRESERVICA_PASSWORD"
                + " or 'password' in credentials.properties", e.getMessage());
    }

    @Test
    void configFromResolverMixesExplicitAndResolvedValues() throws IOException {
        CredentialResolver resolver = new CredentialResolver(Map.of("PRESERVICA_USERNAME", "env-user"),
                credentialsFile("[credentials]\npassword=file-pw\ntenant=FILE\n"));
        PreservicaClientConfig config = PreservicaClientConfig
                .fromResolver(resolver, "http://127.0.0.1:9000/", null, null, null, null).build();
        assertEquals("http://127.0.0.1:9000", config.baseUri().toString());
        assertEquals("env-user", config.username());
        assertEquals("file-pw", config.password());
        assertEquals(Optional.of("FILE"), config.tenant());
        assertFalse(config.hasTwoFactorSeed());
    }

    @Test
    void neverSendsAnEnvironmentPasswordToAServerNamedByTheCredentialsFile() throws IOException {
        CredentialResolver resolver = new CredentialResolver(
                Map.of("PRESERVICA_PASSWORD", "env-password-1234"),
                credentialsFile("[credentials]\nserver=https://collector.example.net\nusername=admin\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PreservicaClientConfig.fromResolver(resolver, null, null, null, null, null));
        assertTrue(e.getMessage().contains("environment variable PRESERVICA_PASSWORD"), e.getMessage());
        assertTrue(e.getMessage().contains("credentials.properties"), e.getMessage());
        assertFalse(e.getMessage().contains("env-password-1234"), e.getMessage());
    }

    @Test
    void neverSendsAnEnvironmentSeedToAServerNamedByTheCredentialsFile() throws IOException {
        CredentialResolver resolver = new CredentialResolver(Map.of("PRESERVICA_2FA_TOKEN", "JBSWY3DPEHPK3PXP"),
                credentialsFile("[credentials]\nserver=https://collector.example.net\nusername=u\npassword=p\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PreservicaClientConfig.fromResolver(resolver, null, null, null, null, null));
        assertTrue(e.getMessage().contains("PRESERVICA_2FA_TOKEN"), e.getMessage());
    }

    @Test
    void sendsCredentialsFromTheSameOrALessTrustedSourceThanTheServer() throws IOException {
        CredentialResolver resolver = new CredentialResolver(
                Map.of("PRESERVICA_SERVER", "https://eu.preservica.com", "PRESERVICA_USERNAME", "env-user"),
                credentialsFile("[credentials]\npassword=file-pw\n"));
        PreservicaClientConfig config = PreservicaClientConfig
                .fromResolver(resolver, null, null, null, null, null).build();
        assertEquals("https://eu.preservica.com", config.baseUri().toString());
        assertEquals("file-pw", config.password());
    }
}

package io.github.camelpreservica.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelpreservica.client.SimulatorFixture.PASSWORD;
import static io.github.camelpreservica.client.SimulatorFixture.TENANT;
import static io.github.camelpreservica.client.SimulatorFixture.TWO_FACTOR_PASSWORD;
import static io.github.camelpreservica.client.SimulatorFixture.TWO_FACTOR_SEED;
import static io.github.camelpreservica.client.SimulatorFixture.TWO_FACTOR_USER;
import static io.github.camelpreservica.client.SimulatorFixture.USER;
import static io.github.camelpreservica.client.SimulatorFixture.clientFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreservicaClientAuthenticationTest {

    private PreservicaSimulator sim;

    @BeforeEach
    void startSimulator() {
        sim = SimulatorFixture.simulator().build().start();
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private List<RecordedRequest> requestsTo(String path) {
        return sim.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    @Test
    void logsInWithTenantAsFormFields() {
        try (PreservicaClient client = new PreservicaClient(clientFor(sim).build())) {
            assertEquals("7.0.0", client.serverVersion());
        }
        RecordedRequest login = requestsTo(AccessTokenSession.LOGIN_PATH).get(0);
        assertEquals("POST", login.method());
        assertTrue(login.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
        assertEquals("username=admin&password=Adm1n-Pa55word&tenant=TEST", login.bodyAsString());
        assertEquals(1, sim.loginCount());
    }

    @Test
    void logsInWithoutTenantAndTakesTheTenantFromTheAnswer() {
        try (PreservicaClient client = new PreservicaClient(clientFor(sim).tenant(null).build())) {
            assertEquals(Optional.empty(), client.tenant());
            client.serverVersion();
            assertEquals(Optional.of(TENANT), client.tenant());
        }
        RecordedRequest login = requestsTo(AccessTokenSession.LOGIN_PATH).get(0);
        assertEquals("username=admin&password=Adm1n-Pa55word&includeUserDetails=true", login.bodyAsString());
    }

    @Test
    void sendsTheAccessTokenHeaderOnEveryCall() {
        try (PreservicaClient client = new PreservicaClient(clientFor(sim).build())) {
            client.serverVersion();
            client.roles();
        }
        List<RecordedRequest> calls = sim.requests().stream()
                .filter(r -> !r.path().startsWith("/api/accesstoken/")).toList();
        assertEquals(2, calls.size());
        for (RecordedRequest call : calls) {
            assertNotNull(call.header(PreservicaHttp.TOKEN_HEADER), call.toString());
            assertFalse(call.header(PreservicaHttp.TOKEN_HEADER).isBlank());
        }
        assertNull(requestsTo(AccessTokenSession.LOGIN_PATH).get(0).header(PreservicaHttp.TOKEN_HEADER));
    }

    @Test
    void wrongPasswordNamesUserAndTenantButNotThePassword() {
        String wrongPassword = "Wr0ng-Pa55word-xyz";
        try (PreservicaClient client = new PreservicaClient(clientFor(sim).password(wrongPassword).build())) {
            PreservicaAuthenticationException e = assertThrows(PreservicaAuthenticationException.class,
                    client::serverVersion);
            assertTrue(
                    e.getMessage().startsWith("Preservica refused the login for user 'admin' on tenant 'TEST' (401): "),
                    e.getMessage());
            assertFalse(e.getMessage().contains(wrongPassword), e.getMessage());
            assertEquals(401, e.statusCode());
        }
    }

    @Test
    void completesTwoFactorLoginWithTheTotpOfTheSeed() {
        PreservicaClientConfig config = clientFor(sim).username(TWO_FACTOR_USER).password(TWO_FACTOR_PASSWORD)
                .twoFactorSeed(TWO_FACTOR_SEED).build();
        try (PreservicaClient client = new PreservicaClient(config)) {
            assertEquals("7.0.0", client.serverVersion());
        }
        RecordedRequest completion = requestsTo(AccessTokenSession.COMPLETE_2FA_PATH).get(0);
        String form = completion.bodyAsString();
        assertTrue(form.startsWith("username=otp&continuationToken="), form);
        assertTrue(form.matches(".*&tenant=TEST&twoFactorToken=\\d{6}$"), form);
        assertEquals(1, sim.loginCount());
    }

    @Test
    void twoFactorLoginWithoutSeedSaysHowToSetIt() {
        PreservicaClientConfig config = clientFor(sim).username(TWO_FACTOR_USER).password(TWO_FACTOR_PASSWORD).build();
        try (PreservicaClient client = new PreservicaClient(config)) {
            PreservicaAuthenticationException e = assertThrows(PreservicaAuthenticationException.class,
                    client::serverVersion);
            assertEquals("Two-factor authentication is required for user 'otp' on tenant 'TEST': set the TOTP seed"
                    + " (twoFactorSeed option / PRESERVICA_2FA_TOKEN)", e.getMessage());
        }
    }

    @Test
    void twoFactorLoginWithWrongSeedIsRefused() {
        PreservicaClientConfig config = clientFor(sim).username(TWO_FACTOR_USER).password(TWO_FACTOR_PASSWORD)
                .twoFactorSeed("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").build();
        try (PreservicaClient client = new PreservicaClient(config)) {
            PreservicaAuthenticationException e = assertThrows(PreservicaAuthenticationException.class,
                    client::serverVersion);
            assertTrue(e.getMessage().contains("user 'otp' on tenant 'TEST'"), e.getMessage());
            assertFalse(e.getMessage().contains("GEZDGNBVGY3TQOJQ"), e.getMessage());
        }
    }

    @Test
    void logsInAgainTransparentlyWhenTheTokenExpiresMidRun() {
        try (PreservicaClient client = new PreservicaClient(clientFor(sim).build())) {
            client.serverVersion();
            sim.expireAllTokens();
            assertEquals("7.0.0", client.serverVersion());
        }
        assertEquals(2, sim.loginCount());
    }

    @Test
    void logsInAgainWhenTheServerSideLifetimeIsShorterThanAnnounced() throws InterruptedException {
        sim.close();
        sim = SimulatorFixture.simulator().tokenLifetime(Duration.ofSeconds(1)).build().start();
        try (PreservicaClient client = new PreservicaClient(clientFor(sim).build())) {
            client.serverVersion();
            Thread.sleep(1500);
            assertEquals("7.0.0", client.serverVersion());
        }
        assertEquals(2, sim.loginCount());
    }

    @Test
    void sixteenConcurrentCallsDuringReLoginCauseExactlyOneExtraLogin() throws Exception {
        try (PreservicaClient client = new PreservicaClient(clientFor(sim).build())) {
            client.serverVersion();
            assertEquals(1, sim.loginCount());
            sim.expireAllTokens();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return client.serverVersion();
                    }));
                }
                start.countDown();
                for (Future<String> result : results) {
                    assertEquals("7.0.0", result.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(2, sim.loginCount());
    }

    @Test
    void callersQueuedBehindARefusedLoginShareItsFailureInsteadOfRetryingThePassword() throws Exception {
        sim.delayResponses(Duration.ofSeconds(1)); // keeps the first login in flight while the others queue
        try (PreservicaClient client = new PreservicaClient(clientFor(sim).password("Wr0ng-Pa55word").build())) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return client.roles();
                    }));
                }
                start.countDown();
                for (Future<?> result : results) {
                    ExecutionException e = assertThrows(
                            ExecutionException.class, () -> result.get(60, TimeUnit.SECONDS));
                    assertTrue(e.getCause() instanceof PreservicaAuthenticationException, e.getCause().toString());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, requestsTo(AccessTokenSession.LOGIN_PATH).size());
            // a later call tries again: the password may have been fixed on the server meanwhile
            sim.delayResponses(Duration.ZERO);
            assertThrows(PreservicaAuthenticationException.class, client::roles);
            assertEquals(2, requestsTo(AccessTokenSession.LOGIN_PATH).size());
        }
    }

    @Test
    void refreshesTheTokenBeforeItExpiresInsteadOfLoggingInAgain() {
        MutableClock clock = new MutableClock(Instant.now());
        try (PreservicaClient client = new PreservicaClient(clientFor(sim).build(), clock)) {
            client.serverVersion();
            // the simulator announces validFor 15 minutes: past 80% of it the client refreshes first
            clock.advance(Duration.ofMinutes(13));
            client.serverVersion();
        }
        assertEquals(1, sim.loginCount());
        List<RecordedRequest> refreshes = requestsTo(AccessTokenSession.REFRESH_PATH);
        assertEquals(1, refreshes.size());
        assertTrue(refreshes.get(0).bodyAsString().startsWith("refreshToken="), refreshes.get(0).bodyAsString());
        assertNotNull(refreshes.get(0).header(PreservicaHttp.TOKEN_HEADER));
    }

    @Test
    void logsInAgainWhenTheRefreshIsRefused() {
        MutableClock clock = new MutableClock(Instant.now());
        try (PreservicaClient client = new PreservicaClient(clientFor(sim).build(), clock)) {
            client.serverVersion();
            sim.expireAllTokens(); // refresh tokens too
            clock.advance(Duration.ofMinutes(13));
            assertEquals("7.0.0", client.serverVersion());
        }
        assertEquals(1, requestsTo(AccessTokenSession.REFRESH_PATH).size());
        assertEquals(2, sim.loginCount());
    }

    @Test
    void logsInOnceForManyCalls() {
        try (PreservicaClient client = new PreservicaClient(clientFor(sim).build())) {
            for (int i = 0; i < 5; i++) {
                client.roles();
            }
            assertEquals(1, client.loginCount());
        }
        assertEquals(1, sim.loginCount());
    }

    @Test
    void neverLeaksThePasswordThroughToString() {
        try (PreservicaClient client = new PreservicaClient(clientFor(sim).build())) {
            assertFalse(client.toString().contains(PASSWORD));
            assertTrue(client.toString().contains(USER));
        }
    }

    /** A clock tests can move forward, to reach the refresh point without waiting minutes. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

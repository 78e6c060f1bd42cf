package io.github.camelpreservica.client;

import java.time.Duration;

import io.github.camelpreservica.simulator.PreservicaSimulator;

/** Shared settings for client tests that run against the real simulator over loopback. */
final class SimulatorFixture {

    static final String USER = "admin";
    static final String PASSWORD = "Adm1n-Pa55word";
    static final String TENANT = "TEST";
    static final String VIEWER = "viewer";
    static final String VIEWER_PASSWORD = "V1ewer-Pa55word";
    static final String TWO_FACTOR_USER = "otp";
    static final String TWO_FACTOR_PASSWORD = "Otp-Pa55word";
    static final String TWO_FACTOR_SEED = "JBSWY3DPEHPK3PXP";

    private SimulatorFixture() {
    }

    static PreservicaSimulator.Builder simulator() {
        return PreservicaSimulator.builder().port(0)
                .user(USER, PASSWORD, TENANT, "ROLE_SDB_MANAGER_USER")
                .user(VIEWER, VIEWER_PASSWORD, TENANT, "ROLE_SDB_VIEWER")
                .user(TWO_FACTOR_USER, TWO_FACTOR_PASSWORD, TENANT, "ROLE_SDB_ADMIN_USER")
                .twoFactorSeed(TWO_FACTOR_USER, TWO_FACTOR_SEED)
                .version("7.0.0")
                .demoAssets(false);
    }

    /** A client for the admin user with a short backoff so retry tests stay quick. */
    static PreservicaClientConfig.Builder clientFor(PreservicaSimulator sim) {
        return PreservicaClientConfig.builder()
                .server(sim.baseUrl())
                .username(USER)
                .password(PASSWORD)
                .tenant(TENANT)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .retryBackoff(Duration.ofMillis(10));
    }
}

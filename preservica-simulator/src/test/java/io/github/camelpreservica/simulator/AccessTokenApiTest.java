package io.github.camelpreservica.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.camelpreservica.simulator.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login, two-factor login, refresh and token expiry over real HTTP. */
class AccessTokenApiTest {

    private static final String SEED = "JBSWY3DPEHPK3PXP";
    private static final String VERSION_PATH = "/api/entity/versiondetails/version";

    private PreservicaSimulator sim;

    private ApiClient start(PreservicaSimulator.Builder builder) {
        sim = builder.build().start();
        return new ApiClient(sim.baseUrl());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void loginAnswersTokenPairAndValidForInMinutes() {
        ApiClient api = start(PreservicaSimulator.builder());
        HttpResponse<byte[]> response = api.postForm("/api/accesstoken/login", "username", "admin", "password",
                "secret", "tenant", "TEST");
        assertEquals(200, response.statusCode());
        JsonNode answer = json(response);
        assertTrue(answer.get("success").asBoolean());
        assertEquals(15, answer.get("validFor").asInt());
        assertEquals("admin", answer.get("user").asText());
        assertNotEquals(answer.get("token").asText(), answer.get("refresh-token").asText());
        assertEquals(200, api.get(VERSION_PATH, answer.get("token").asText()).statusCode());
        assertEquals(1, sim.loginCount());
    }

    @Test
    void loginWithoutTenantReturnsTheUsersTenant() {
        ApiClient api = start(PreservicaSimulator.builder().user("bob", "pw", "BRAMA"));
        HttpResponse<byte[]> response = api.postForm("/api/accesstoken/login", "username", "bob", "password", "pw",
                "includeUserDetails", "true");
        assertEquals(200, response.statusCode());
        assertEquals("BRAMA", json(response).get("tenant").asText());
    }

    @Test
    void loginWithWrongPasswordIsRefusedWith401AndMessage() {
        ApiClient api = start(PreservicaSimulator.builder());
        HttpResponse<byte[]> response = api.postForm("/api/accesstoken/login", "username", "admin", "password",
                "wrong", "tenant", "TEST");
        assertEquals(401, response.statusCode());
        assertFalse(json(response).get("success").asBoolean());
        assertFalse(json(response).get("message").asText().contains("wrong"), "the password must not be echoed");
        assertEquals(0, sim.loginCount());
    }

    @Test
    void loginOnAnotherTenantIsRefused() {
        ApiClient api = start(PreservicaSimulator.builder());
        assertEquals(401, api.postForm("/api/accesstoken/login", "username", "admin", "password", "secret",
                "tenant", "OTHER").statusCode());
    }

    @Test
    void validForIsRoundedUpToAtLeastOneMinute() {
        ApiClient api = start(PreservicaSimulator.builder().tokenLifetime(Duration.ofSeconds(5)));
        HttpResponse<byte[]> response = api.postForm("/api/accesstoken/login", "username", "admin", "password",
                "secret", "tenant", "TEST");
        assertEquals(1, json(response).get("validFor").asInt());
    }

    @Test
    void callWithoutTokenIsRefusedWith401Json() {
        ApiClient api = start(PreservicaSimulator.builder());
        HttpResponse<byte[]> response = api.get(VERSION_PATH, null);
        assertEquals(401, response.statusCode());
        assertTrue(json(response).has("message"));
    }

    @Test
    void tokenStopsWorkingWhenItsLifetimeIsOver() throws InterruptedException {
        ApiClient api = start(PreservicaSimulator.builder().tokenLifetime(Duration.ofSeconds(1)));
        String token = api.login("admin", "secret", "TEST");
        assertEquals(200, api.get(VERSION_PATH, token).statusCode());
        Instant giveUp = Instant.now().plusSeconds(30);
        int status = 200;
        while (status == 200 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
            status = api.get(VERSION_PATH, token).statusCode();
        }
        assertEquals(401, status);
    }

    @Test
    void expireAllTokensMakesLiveTokenAnswer401() {
        ApiClient api = start(PreservicaSimulator.builder());
        String token = api.login("admin", "secret", "TEST");
        sim.expireAllTokens();
        assertEquals(401, api.get(VERSION_PATH, token).statusCode());
    }

    @Test
    void refreshTokenGivesNewWorkingPairAndWorksOnlyOnce() {
        ApiClient api = start(PreservicaSimulator.builder());
        JsonNode login = json(api.postForm("/api/accesstoken/login", "username", "admin", "password", "secret",
                "tenant", "TEST"));
        String refreshToken = login.get("refresh-token").asText();
        HttpResponse<byte[]> first = api.postForm("/api/accesstoken/refresh", "refreshToken", refreshToken);
        assertEquals(200, first.statusCode());
        assertEquals(200, api.get(VERSION_PATH, json(first).get("token").asText()).statusCode());
        assertEquals(401, api.postForm("/api/accesstoken/refresh", "refreshToken", refreshToken).statusCode());
    }

    @Test
    void refreshTokenIsInvalidAfterExpireAllTokens() {
        ApiClient api = start(PreservicaSimulator.builder());
        JsonNode login = json(api.postForm("/api/accesstoken/login", "username", "admin", "password", "secret",
                "tenant", "TEST"));
        sim.expireAllTokens();
        assertEquals(401, api.postForm("/api/accesstoken/refresh", "refreshToken",
                login.get("refresh-token").asText()).statusCode());
    }

    @Test
    void twoFactorUserGetsContinuationTokenThenTokensForValidCode() {
        ApiClient api = start(PreservicaSimulator.builder().user("admin", "secret", "TEST")
                .twoFactorSeed("admin", SEED));
        HttpResponse<byte[]> first = api.postForm("/api/accesstoken/login", "username", "admin", "password",
                "secret", "tenant", "TEST");
        JsonNode pending = json(first);
        assertEquals("needs.2fa", pending.get("message").asText());
        assertFalse(pending.has("token"));
        assertEquals(0, sim.loginCount());
        HttpResponse<byte[]> completed = api.postForm("/api/accesstoken/complete-2fa", "username", "admin",
                "continuationToken", pending.get("continuationToken").asText(), "tenant", "TEST",
                "twoFactorToken", Totp.code(SEED, Instant.now()));
        assertEquals(200, completed.statusCode());
        assertEquals(200, api.get(VERSION_PATH, json(completed).get("token").asText()).statusCode());
        assertEquals(1, sim.loginCount());
    }

    @Test
    void twoFactorCompletionWithWrongCodeIsRefused() {
        ApiClient api = start(PreservicaSimulator.builder().user("admin", "secret", "TEST")
                .twoFactorSeed("admin", SEED));
        JsonNode pending = json(api.postForm("/api/accesstoken/login", "username", "admin", "password", "secret",
                "tenant", "TEST"));
        String wrong = Totp.code(SEED, Instant.now().minusSeconds(600));
        assertEquals(401, api.postForm("/api/accesstoken/complete-2fa", "username", "admin", "continuationToken",
                pending.get("continuationToken").asText(), "tenant", "TEST", "twoFactorToken", wrong).statusCode());
    }

    @Test
    void continuationTokenWorksOnlyOnce() {
        ApiClient api = start(PreservicaSimulator.builder().user("admin", "secret", "TEST")
                .twoFactorSeed("admin", SEED));
        JsonNode pending = json(api.postForm("/api/accesstoken/login", "username", "admin", "password", "secret",
                "tenant", "TEST"));
        String[] form = { "username", "admin", "continuationToken", pending.get("continuationToken").asText(),
                "tenant", "TEST", "twoFactorToken", Totp.code(SEED, Instant.now()) };
        assertEquals(200, api.postForm("/api/accesstoken/complete-2fa", form).statusCode());
        assertEquals(401, api.postForm("/api/accesstoken/complete-2fa", form).statusCode());
    }
}

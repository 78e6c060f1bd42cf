package io.github.camelpreservica.client;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the access token of one user (docs/protocol.md section 1): logs in, completes two-factor logins, refreshes the
 * token before it expires and logs in again when Preservica rejects it.
 * <p>
 * Logins are single-flight: callers queue on one lock, and each token carries a generation number so that callers
 * whose token was rejected while another caller was already logging in take the new token instead of logging in again.
 */
final class AccessTokenSession {

    static final String LOGIN_PATH = "/api/accesstoken/login";
    static final String COMPLETE_2FA_PATH = "/api/accesstoken/complete-2fa";
    static final String REFRESH_PATH = "/api/accesstoken/refresh";
    private static final String NEEDS_2FA = "needs.2fa";
    /** Tokens are refreshed once this share of their lifetime has passed. */
    private static final double REFRESH_AT = 0.8;
    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenSession.class);

    /** A token and when to refresh it ({@code refreshAt} null: lifetime unknown, rely on 401s). */
    record AccessToken(String value, String refreshToken, long generation, Instant refreshAt) {
        @Override
        public String toString() {
            return "AccessToken[generation=" + generation + ", refreshAt=" + refreshAt + "]";
        }
    }

    private final PreservicaClientConfig config;
    private final PreservicaHttp http;
    private final ObjectMapper json;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile AccessToken current;
    private volatile String tenant;
    private long generation;
    private volatile int loginCount;
    // finished logins, written under the lock; volatile so callers can note it before they queue for the lock
    private volatile long loginAttempts;
    private PreservicaException lastLoginFailure;

    AccessTokenSession(PreservicaClientConfig config, PreservicaHttp http, ObjectMapper json, Clock clock) {
        this.config = config;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.tenant = config.tenant().orElse(null);
    }

    /** A token believed valid: the current one, refreshed or replaced first if it is due. */
    AccessToken validToken() {
        AccessToken token = current;
        if (token != null && !isDue(token)) {
            return token;
        }
        long attemptsSeen = loginAttempts;
        lock.lock();
        try {
            token = current;
            if (token == null) {
                current = loginOnceForWaitingCallers(attemptsSeen);
            } else if (isDue(token)) {
                current = refreshOrLogin(token, attemptsSeen);
            }
            return current;
        } finally {
            lock.unlock();
        }
    }

    /** Called after Preservica answered 401 to {@code rejected}: logs in again unless another caller already did. */
    AccessToken renewAfterRejection(AccessToken rejected) {
        long attemptsSeen = loginAttempts;
        lock.lock();
        try {
            AccessToken token = current;
            if (token != null && token.generation() != rejected.generation()) {
                return token;
            }
            LOG.debug("Preservica rejected the access token of user '{}': logging in again", config.username());
            current = loginOnceForWaitingCallers(attemptsSeen);
            return current;
        } finally {
            lock.unlock();
        }
    }

    /** The tenant configured, or the one Preservica named at login; null before a login without a tenant. */
    String tenant() {
        return tenant;
    }

    int loginCount() {
        return loginCount;
    }

    /** "user 'x' on tenant 'y'", for messages. */
    String describeUser() {
        String knownTenant = tenant;
        return "user '" + config.username() + "'"
                + (knownTenant == null ? " (no tenant given)" : " on tenant '" + knownTenant + "'");
    }

    private boolean isDue(AccessToken token) {
        return token.refreshAt() != null && !clock.instant().isBefore(token.refreshAt());
    }

    /**
     * Logs in, unless a login failed while this caller waited for the lock: then it gets that failure too, so that
     * callers queued behind a wrong password or an unreachable server do not each try again (and lock the account).
     */
    private AccessToken loginOnceForWaitingCallers(long attemptsSeen) {
        PreservicaException failure = lastLoginFailure;
        if (loginAttempts != attemptsSeen && failure != null) {
            throw failure;
        }
        try {
            AccessToken token = login();
            lastLoginFailure = null;
            return token;
        } catch (PreservicaException e) {
            lastLoginFailure = e;
            throw e;
        } finally {
            // counted when finished: a caller that noted the count while this login ran sees it change
            loginAttempts++;
        }
    }

    private AccessToken refreshOrLogin(AccessToken old, long attemptsSeen) {
        if (old.refreshToken() != null) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("refreshToken", old.refreshToken());
            PreservicaRequest request = PreservicaRequest.postForm(REFRESH_PATH, form);
            try {
                HttpResponse<byte[]> response = http.send(request, old.value(),
                        HttpResponse.BodyHandlers.ofByteArray());
                JsonNode answer = parse(response);
                if (response.statusCode() == 200 && answer != null && hasText(answer, "token")) {
                    LOG.debug("Refreshed the Preservica access token of {}", describeUser());
                    return toToken(answer);
                }
                LOG.debug("Preservica refused to refresh the token of {} ({}): logging in again", describeUser(),
                        response.statusCode());
            } catch (PreservicaUnreachableException e) {
                LOG.debug("Refreshing the Preservica token failed ({}): logging in again", e.getMessage());
            }
        }
        return loginOnceForWaitingCallers(attemptsSeen);
    }

    private AccessToken login() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", config.username());
        form.put("password", config.password());
        if (config.tenant().isPresent()) {
            form.put("tenant", config.tenant().get());
        } else {
            form.put("includeUserDetails", "true");
        }
        JsonNode answer = post(PreservicaRequest.postForm(LOGIN_PATH, form).asRepeatable());
        if (NEEDS_2FA.equals(text(answer, "message"))) {
            answer = completeTwoFactor(answer);
        }
        if (config.tenant().isEmpty() && hasText(answer, "tenant")) {
            tenant = answer.get("tenant").asText();
        }
        AccessToken token = toToken(answer);
        loginCount++;
        LOG.info("Logged in to Preservica at {} as {}", config.baseUri(), describeUser());
        return token;
    }

    private JsonNode completeTwoFactor(JsonNode loginAnswer) {
        if (config.twoFactorSeed().isEmpty()) {
            throw new PreservicaAuthenticationException("Two-factor authentication is required for " + describeUser()
                    + ": set the TOTP seed (twoFactorSeed option / "
                    + CredentialKey.TWO_FACTOR_SEED.environmentVariable()
                    + ")", -1);
        }
        if (config.tenant().isEmpty() && hasText(loginAnswer, "tenant")) {
            tenant = loginAnswer.get("tenant").asText();
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", config.username());
        form.put("continuationToken", text(loginAnswer, "continuationToken"));
        if (tenant != null) {
            form.put("tenant", tenant);
        }
        form.put("twoFactorToken", Totp.code(config.twoFactorSeed().get(), clock.instant()));
        JsonNode answer = post(PreservicaRequest.postForm(COMPLETE_2FA_PATH, form));
        if (NEEDS_2FA.equals(text(answer, "message"))) {
            throw new PreservicaAuthenticationException("Preservica refused the two-factor code for " + describeUser()
                    + ": check the TOTP seed and the clock of this machine", 200);
        }
        return answer;
    }

    /** Posts a login-type form and returns the JSON answer of a 200, or throws naming user, tenant and status. */
    private JsonNode post(PreservicaRequest request) {
        HttpResponse<byte[]> response = http.send(request, null, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode answer = parse(response);
        int status = response.statusCode();
        // Preservica answers needs.2fa with a failure status, so it is looked for whatever the status
        if (NEEDS_2FA.equals(text(answer, "message")) || status == 200 && hasText(answer, "token")) {
            return answer;
        }
        String serverMessage = answer != null && hasText(answer, "message")
                ? answer.get("message").asText()
                : PreservicaHttp.excerpt(response);
        serverMessage = serverMessage.replace(config.password(), "***");
        if (status == 200 || status == 400 || status == 401 || status == 403) {
            throw new PreservicaAuthenticationException("Preservica refused the login for " + describeUser()
                    + " (" + status + "): " + serverMessage, status);
        }
        throw new PreservicaServerException(request.describe() + " answered " + status + " for " + describeUser()
                + ": " + serverMessage, status);
    }

    private AccessToken toToken(JsonNode answer) {
        Instant refreshAt = null;
        double validForMinutes = answer.path("validFor").asDouble(0); // also reads "15" sent as a string
        if (validForMinutes > 0) {
            long lifetimeMillis = (long) (validForMinutes * 60_000);
            refreshAt = clock.instant().plus(Duration.ofMillis((long) (lifetimeMillis * REFRESH_AT)));
        }
        return new AccessToken(answer.get("token").asText(), text(answer, "refresh-token"), ++generation, refreshAt);
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        try {
            JsonNode node = json.readTree(response.body());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean hasText(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) && !node.get(field).asText().isEmpty();
    }

    private static String text(JsonNode node, String field) {
        return hasText(node, field) ? node.get(field).asText() : null;
    }
}

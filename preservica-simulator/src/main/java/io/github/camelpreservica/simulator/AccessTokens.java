package io.github.camelpreservica.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The users, and the access, refresh and two-factor continuation tokens handed out to them. */
final class AccessTokens {

    /** A fresh token pair. */
    record Grant(SimulatedUser user, String token, String refreshToken, long validForMinutes) {
    }

    /** Outcome of a password login: exactly one of grant and continuationToken is set, or neither (refused). */
    record LoginResult(Grant grant, String continuationToken, SimulatedUser user) {
        static final LoginResult REFUSED = new LoginResult(null, null, null);
    }

    private record Session(SimulatedUser user, Instant expiresAt) {
    }

    private static final Duration CONTINUATION_LIFETIME = Duration.ofMinutes(5);

    private final Map<String, SimulatedUser> users;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, SimulatedUser> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Session> continuations = new ConcurrentHashMap<>();
    private final AtomicInteger loginCount = new AtomicInteger();

    AccessTokens(Map<String, SimulatedUser> users, Duration lifetime, Clock clock) {
        this.users = Map.copyOf(users);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A tenant of null is accepted (the client asked for the user details instead) and answered with the user's. */
    LoginResult login(String userName, String password, String tenant) {
        SimulatedUser user = userName == null ? null : users.get(userName);
        if (user == null || !user.password().equals(password) || !tenantMatches(user, tenant)) {
            return LoginResult.REFUSED;
        }
        if (user.totpSeed() != null) {
            String continuation = newToken();
            continuations.put(continuation, new Session(user, clock.instant().plus(CONTINUATION_LIFETIME)));
            return new LoginResult(null, continuation, user);
        }
        return new LoginResult(grant(user), null, user);
    }

    /** Null when the continuation token, user, tenant or TOTP code does not fit. */
    Grant completeTwoFactor(String userName, String continuationToken, String tenant, String code) {
        Session pending = continuationToken == null ? null : continuations.get(continuationToken);
        if (pending == null || pending.expiresAt().isBefore(clock.instant())
                || !pending.user().userName().equals(userName) || !tenantMatches(pending.user(), tenant)
                || !Totp.accepts(pending.user().totpSeed(), code, clock.instant())) {
            return null;
        }
        // single use: a second completion with the same continuation token fails
        if (continuations.remove(continuationToken) == null) {
            return null;
        }
        return grant(pending.user());
    }

    /** Each refresh token works once; null when it is unknown, used or expired by {@link #expireAll()}. */
    Grant refresh(String refreshToken) {
        SimulatedUser user = refreshToken == null ? null : refreshTokens.remove(refreshToken);
        if (user == null) {
            return null;
        }
        return issue(user);
    }

    /** The user a live access token belongs to, else null. */
    SimulatedUser userFor(String accessToken) {
        Session session = accessToken == null ? null : accessTokens.get(accessToken);
        if (session == null) {
            return null;
        }
        if (!clock.instant().isBefore(session.expiresAt())) {
            accessTokens.remove(accessToken);
            return null;
        }
        return session.user();
    }

    void expireAll() {
        accessTokens.clear();
        refreshTokens.clear();
        continuations.clear();
    }

    int loginCount() {
        return loginCount.get();
    }

    void resetLoginCount() {
        loginCount.set(0);
    }

    private Grant grant(SimulatedUser user) {
        loginCount.incrementAndGet();
        return issue(user);
    }

    private Grant issue(SimulatedUser user) {
        String token = newToken();
        String refreshToken = newToken();
        accessTokens.put(token, new Session(user, clock.instant().plus(lifetime)));
        refreshTokens.put(refreshToken, user);
        // validFor is in whole minutes; the real expiry may be shorter, as clients must cope with 401 anyway
        long minutes = Math.max(1, (lifetime.toSeconds() + 59) / 60);
        return new Grant(user, token, refreshToken, minutes);
    }

    private static boolean tenantMatches(SimulatedUser user, String tenant) {
        return tenant == null || tenant.isEmpty() || user.tenant().equals(tenant);
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String hex = HexFormat.of().formatHex(bytes);
        // shaped like a UUID, as Preservica's tokens are
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}

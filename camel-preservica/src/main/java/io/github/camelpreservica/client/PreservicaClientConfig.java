package io.github.camelpreservica.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link PreservicaClient} needs to reach and log in to one Preservica server. Immutable;
 * {@link #toString()} never shows the password or the two-factor seed.
 */
public final class PreservicaClientConfig {

    static final Duration MAX_RETRY_BACKOFF = Duration.ofSeconds(5);

    private final URI baseUri;
    private final String username;
    private final String password;
    private final String tenant;
    private final String twoFactorSeed;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxRetries;
    private final Duration retryBackoff;

    private PreservicaClientConfig(Builder builder, URI baseUri) {
        this.baseUri = baseUri;
        this.username = builder.username;
        this.password = builder.password;
        this.tenant = blankToNull(builder.tenant);
        this.twoFactorSeed = blankToNull(builder.twoFactorSeed);
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.maxRetries = builder.maxRetries;
        this.retryBackoff = builder.retryBackoff;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder whose server, user name, password, tenant and seed are each the explicit value if given, else the
     * value the resolver finds.
     *
     * @throws IllegalArgumentException when server, user name or password is found nowhere, saying where to set it
     */
    public static Builder fromResolver(
                                       CredentialResolver resolver, String server, String username, String password,
                                       String tenant, String seed) {
        CredentialResolver.Found foundServer = require(resolver, CredentialKey.SERVER, server, "server");
        CredentialResolver.Found foundUser = require(resolver, CredentialKey.USERNAME, username, "username");
        CredentialResolver.Found foundPassword = require(resolver, CredentialKey.PASSWORD, password, "password");
        Optional<CredentialResolver.Found> foundSeed = resolver.find(CredentialKey.TWO_FACTOR_SEED, seed);
        requireNotLessTrusted(resolver, foundServer, CredentialKey.USERNAME, foundUser);
        requireNotLessTrusted(resolver, foundServer, CredentialKey.PASSWORD, foundPassword);
        foundSeed
                .ifPresent(found -> requireNotLessTrusted(resolver, foundServer, CredentialKey.TWO_FACTOR_SEED, found));
        return builder()
                .server(foundServer.value())
                .username(foundUser.value())
                .password(foundPassword.value())
                .tenant(resolver.resolve(CredentialKey.TENANT, tenant).orElse(null))
                .twoFactorSeed(foundSeed.map(CredentialResolver.Found::value).orElse(null));
    }

    private static CredentialResolver.Found require(CredentialResolver resolver, CredentialKey key, String explicit,
                                                    String what) {
        return resolver.find(key, explicit).orElseThrow(() -> new IllegalArgumentException(
                "No Preservica " + what + ": set the " + what + " " + resolver.describeSources(key)));
    }

    /**
     * One rule keeps credentials with their server: a user name, password or seed is never sent to a server named by
     * a less trusted source than its own (options, then the environment, then credentials.properties in the working
     * directory). Otherwise a credentials.properties left in, or planted in, the working directory could name a
     * server of its own and receive the password of the environment.
     */
    private static void requireNotLessTrusted(CredentialResolver resolver, CredentialResolver.Found server,
                                              CredentialKey key, CredentialResolver.Found credential) {
        if (server.source().compareTo(credential.source()) > 0) {
            throw new IllegalArgumentException("The Preservica " + key.propertyKey() + " comes from "
                    + resolver.describe(key, credential.source()) + " but the server from "
                    + resolver.describe(CredentialKey.SERVER, server.source())
                    + ": a credential is never sent to a server named by a less trusted source. Set the server where "
                    + "the " + key.propertyKey() + " is set (or more trusted: option, then environment, then "
                    + "credentials.properties), or the " + key.propertyKey() + " next to the server");
        }
    }

    /** The server's base URI without a trailing slash, e.g. {@code https://eu.preservica.com}. */
    public URI baseUri() {
        return baseUri;
    }

    public String username() {
        return username;
    }

    String password() {
        return password;
    }

    public Optional<String> tenant() {
        return Optional.ofNullable(tenant);
    }

    public boolean hasTwoFactorSeed() {
        return twoFactorSeed != null;
    }

    Optional<String> twoFactorSeed() {
        return Optional.ofNullable(twoFactorSeed);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration retryBackoff() {
        return retryBackoff;
    }

    @Override
    public String toString() {
        return "PreservicaClientConfig[server=" + baseUri + ", username=" + username + ", tenant=" + tenant
                + ", password=***, twoFactorSeed=" + (twoFactorSeed == null ? "none" : "***")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxRetries=" + maxRetries + ", retryBackoff=" + retryBackoff + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Collects the settings; {@link #build()} checks them. */
    public static final class Builder {
        private String server;
        private String username;
        private String password;
        private String tenant;
        private String twoFactorSeed;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private int maxRetries = 3;
        private Duration retryBackoff = Duration.ofMillis(250);

        private Builder() {
        }

        /** A host name ({@code eu.preservica.com}, https implied) or a base URL ({@code http://127.0.0.1:9000}). */
        public Builder server(String server) {
            this.server = server;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Optional: without it the login asks Preservica for the user's tenant. */
        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        /** Optional Base32 TOTP seed, needed only when the user has two-factor authentication. */
        public Builder twoFactorSeed(String twoFactorSeed) {
            this.twoFactorSeed = twoFactorSeed;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long one request may wait for its answer. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        /** How many times a call is retried after 502/503/504 or a connection failure; 0 disables retries. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** The first pause before a retry; it doubles on each further retry, up to 5 seconds. */
        public Builder retryBackoff(Duration retryBackoff) {
            this.retryBackoff = Objects.requireNonNull(retryBackoff, "retryBackoff");
            return this;
        }

        /** @throws IllegalArgumentException naming every missing or invalid setting */
        public PreservicaClientConfig build() {
            List<String> problems = new ArrayList<>();
            if (blankToNull(server) == null) {
                problems.add("server is missing");
            }
            if (blankToNull(username) == null) {
                problems.add("username is missing");
            }
            if (password == null || password.isEmpty()) {
                problems.add("password is missing");
            }
            if (maxRetries < 0) {
                problems.add("maxRetries must not be negative (was " + maxRetries + ")");
            }
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                problems.add("connectTimeout must be positive (was " + connectTimeout + ")");
            }
            if (readTimeout.isNegative() || readTimeout.isZero()) {
                problems.add("readTimeout must be positive (was " + readTimeout + ")");
            }
            if (retryBackoff.isNegative()) {
                problems.add("retryBackoff must not be negative (was " + retryBackoff + ")");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(
                        "Invalid Preservica client configuration: " + String.join(", ", problems));
            }
            return new PreservicaClientConfig(this, toBaseUri(server.trim()));
        }

        private static URI toBaseUri(String server) {
            String url = server.contains("://") ? server : "https://" + server;
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid Preservica server '" + server + "': " + e.getMessage(), e);
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("Invalid Preservica server '" + server
                        + "': expected a host name or an http(s)://host[:port] URL");
            }
            return uri;
        }
    }
}

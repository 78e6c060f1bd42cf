package io.github.camelpreservica.component;

import java.time.Duration;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * How to reach and log in to Preservica: the options the {@code preservica} and {@code preservica-webhook}
 * components share. A value left unset is looked up as pyPreservica does: environment variable, then
 * {@code credentials.properties} in the working directory.
 */
@UriParams
public abstract class PreservicaConnectionConfiguration {

    @UriParam(label = "common")
    private String server;
    @UriParam(label = "security")
    private String username;
    @UriParam(label = "security", secret = true)
    private String password;
    @UriParam(label = "common")
    private String tenant;
    @UriParam(label = "security", secret = true)
    private String twoFactorSeed;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long readTimeout = 30_000;

    public String getServer() {
        return server;
    }

    /**
     * The Preservica server: a host name such as eu.preservica.com (https implied) or a base URL such as
     * http://127.0.0.1:9000. If not set, the environment variable PRESERVICA_SERVER is used, then the key server of
     * credentials.properties in the working directory.
     */
    public void setServer(String server) {
        this.server = server;
    }

    public String getUsername() {
        return username;
    }

    /**
     * The Preservica user. Managing webhook subscriptions needs the role ROLE_SDB_MANAGER_USER (or
     * ROLE_SDB_ADMIN_USER). If not set, PRESERVICA_USERNAME is used, then username of credentials.properties.
     */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    /**
     * The password of the Preservica user. If not set, PRESERVICA_PASSWORD is used, then password of
     * credentials.properties.
     */
    public void setPassword(String password) {
        this.password = password;
    }

    public String getTenant() {
        return tenant;
    }

    /**
     * The Preservica tenant of the user. If not set, PRESERVICA_TENANT is used, then tenant of
     * credentials.properties; if it is set nowhere, Preservica tells the tenant at login.
     */
    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getTwoFactorSeed() {
        return twoFactorSeed;
    }

    /**
     * The Base32 seed of the user's authenticator (TOTP), needed only when the user logs in with two-factor
     * authentication. If not set, PRESERVICA_2FA_TOKEN is used, then twoFactorToken of credentials.properties.
     */
    public void setTwoFactorSeed(String twoFactorSeed) {
        this.twoFactorSeed = twoFactorSeed;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a connection to Preservica, in milliseconds (or a duration such as 10s). */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    /**
     * How long to wait for Preservica to answer one call, in milliseconds (or a duration such as 30s). Subscribing
     * waits while Preservica sends its challenge to the receiving route, so keep it well above a second.
     */
    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** The connection these options describe: the key under which routes share one logged-in client. */
    public PreservicaClients.Connection toConnection() {
        return new PreservicaClients.Connection(server, username, password, tenant, twoFactorSeed,
                Duration.ofMillis(connectTimeout), Duration.ofMillis(readTimeout));
    }
}

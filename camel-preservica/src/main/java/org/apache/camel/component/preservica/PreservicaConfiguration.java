package org.apache.camel.component.preservica;

import java.time.Duration;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a {@code preservica:} endpoint. Set on the component, they are the defaults of every endpoint.
 * Connection values left unset are looked up as pyPreservica does: environment variable, then
 * {@code credentials.properties}.
 */
@UriParams
public class PreservicaConfiguration implements Cloneable {

    @UriParam(label = "common")
    private String server;
    @UriParam(label = "security", secret = true)
    private String username;
    @UriParam(label = "security", secret = true)
    private String password;
    @UriParam(label = "security")
    private String tenant;
    @UriParam(label = "security", secret = true)
    private String twoFactorSeed;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long readTimeout = 30_000;
    @UriParam(label = "producer", defaultValue = "large", enums = "small,medium,large")
    private String size = "large";
    @UriParam(label = "producer", defaultValue = "IO", enums = "IO,SO")
    private String entityType = "IO";

    public String getServer() {
        return server;
    }

    /**
     * The Preservica server: a host name such as {@code eu.preservica.com} (https implied) or a base URL such as
     * http://127.0.0.1:9000. Default: environment variable PRESERVICA_SERVER, then {@code server} in
     * credentials.properties.
     */
    public void setServer(String server) {
        this.server = server;
    }

    public String getUsername() {
        return username;
    }

    /**
     * The Preservica user name. Default: PRESERVICA_USERNAME, then {@code username} in credentials.properties.
     */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    /**
     * The Preservica password. Default: PRESERVICA_PASSWORD, then {@code password} in credentials.properties.
     */
    public void setPassword(String password) {
        this.password = password;
    }

    public String getTenant() {
        return tenant;
    }

    /**
     * The Preservica tenant. Default: PRESERVICA_TENANT, then {@code tenant} in credentials.properties; without
     * one, the login asks Preservica for the user's tenant.
     */
    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getTwoFactorSeed() {
        return twoFactorSeed;
    }

    /**
     * The Base32 TOTP seed of a user with two-factor authentication. Default: PRESERVICA_2FA_TOKEN, then
     * {@code twoFactorToken} in credentials.properties.
     */
    public void setTwoFactorSeed(String twoFactorSeed) {
        this.twoFactorSeed = twoFactorSeed;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a connection to Preservica, in milliseconds (or a duration such as {@code 10s}). */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    /** How long one request may wait for Preservica's answer, in milliseconds (or a duration such as {@code 30s}). */
    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public String getSize() {
        return size;
    }

    /**
     * For thumbnail: the size to fetch, small, medium or large. The header CamelPreservicaThumbnailSize overrides it.
     */
    public void setSize(String size) {
        this.size = size;
    }

    public String getEntityType() {
        return entityType;
    }

    /**
     * For thumbnail: whose thumbnail to fetch, IO (an asset) or SO (a folder). The header CamelPreservicaEntityType
     * overrides it.
     */
    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    /** The connection these options describe, the key under which the client is shared. */
    PreservicaClients.Connection toConnection() {
        return new PreservicaClients.Connection(server, username, password, tenant, twoFactorSeed,
                Duration.ofMillis(connectTimeout), Duration.ofMillis(readTimeout));
    }

    public PreservicaConfiguration copy() {
        try {
            return (PreservicaConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        return "PreservicaConfiguration[server=" + server + ", tenant=" + tenant + ", size=" + size
                + ", entityType=" + entityType + "]";
    }
}

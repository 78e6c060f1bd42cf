package io.github.camelpreservica.client;

/**
 * The values that may come from an option, an environment variable or {@code credentials.properties}, with the
 * names pyPreservica uses (docs/protocol.md section 1) so existing setups keep working.
 */
public enum CredentialKey {
    SERVER("server", "PRESERVICA_SERVER", false), USERNAME("username", "PRESERVICA_USERNAME", false), PASSWORD(
            "password", "PRESERVICA_PASSWORD",
            true), TENANT("tenant", "PRESERVICA_TENANT", false), TWO_FACTOR_SEED("twoFactorToken",
                    "PRESERVICA_2FA_TOKEN", true), WEBHOOK_SECRET("secret.key", "PRESERVICA_WEBHOOK_SECRET", true);

    private final String propertyKey;
    private final String environmentVariable;
    private final boolean secret;

    CredentialKey(String propertyKey, String environmentVariable, boolean secret) {
        this.propertyKey = propertyKey;
        this.environmentVariable = environmentVariable;
        this.secret = secret;
    }

    /** The key in the {@code [credentials]} section of {@code credentials.properties}. */
    public String propertyKey() {
        return propertyKey;
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    /** Whether the value must never be logged or shown. */
    public boolean isSecret() {
        return secret;
    }
}

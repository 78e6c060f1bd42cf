package io.github.camelpreservica.component.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shortest webhook secret accepted. Anyone who reaches the receiver can have it sign a code of their choosing
 * (the challenge), so a short secret can be brute-forced offline; the secret itself is never logged.
 */
final class SecretStrength {

    static final int MINIMUM_LENGTH = 16;
    static final int RECOMMENDED_LENGTH = 32;
    private static final Logger LOG = LoggerFactory.getLogger(SecretStrength.class);
    private static final String HOW_TO_MAKE_ONE = "make one with 'openssl rand -hex 32'";

    private SecretStrength() {
    }

    /**
     * @throws IllegalArgumentException when the secret is shorter than {@link #MINIMUM_LENGTH} characters, naming
     *     the option {@code secret} and how to make a strong one
     */
    static void check(String secret, String endpoint) {
        int length = secret.length();
        if (length < MINIMUM_LENGTH) {
            throw new IllegalArgumentException("The option 'secret' of " + endpoint + " has " + length
                    + " characters: at least " + MINIMUM_LENGTH + " are needed ("
                    + RECOMMENDED_LENGTH + " or more recommended); " + HOW_TO_MAKE_ONE);
        }
        if (length < RECOMMENDED_LENGTH) {
            LOG.warn("The option 'secret' of {} has {} characters: {} or more are recommended; {}", endpoint, length,
                    RECOMMENDED_LENGTH, HOW_TO_MAKE_ONE);
        }
    }
}

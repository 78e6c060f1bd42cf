package io.github.camelpreservica.client;

/** Preservica refused a subscription because the receiver did not answer its challenge correctly. */
public class PreservicaChallengeFailedException extends PreservicaException {

    private static final long serialVersionUID = 1L;

    public PreservicaChallengeFailedException(String message, int statusCode) {
        super(message, statusCode);
    }

    public PreservicaChallengeFailedException(String message, int statusCode, Throwable cause) {
        super(message, statusCode, cause);
    }
}

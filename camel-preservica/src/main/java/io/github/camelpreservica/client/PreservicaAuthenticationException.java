package io.github.camelpreservica.client;

/** Preservica refused to authenticate the configured user. */
public class PreservicaAuthenticationException extends PreservicaException {

    private static final long serialVersionUID = 1L;

    public PreservicaAuthenticationException(String message, int statusCode) {
        super(message, statusCode);
    }

    public PreservicaAuthenticationException(String message, int statusCode, Throwable cause) {
        super(message, statusCode, cause);
    }
}

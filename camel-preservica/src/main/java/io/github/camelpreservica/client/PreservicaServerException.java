package io.github.camelpreservica.client;

/** Preservica answered an error status not covered by a more specific exception, after any retries. */
public class PreservicaServerException extends PreservicaException {

    private static final long serialVersionUID = 1L;

    public PreservicaServerException(String message, int statusCode) {
        super(message, statusCode);
    }

    public PreservicaServerException(String message, int statusCode, Throwable cause) {
        super(message, statusCode, cause);
    }
}

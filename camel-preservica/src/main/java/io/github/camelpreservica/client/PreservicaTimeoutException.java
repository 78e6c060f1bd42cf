package io.github.camelpreservica.client;

/** Preservica accepted the connection but did not answer within the read timeout. */
public class PreservicaTimeoutException extends PreservicaUnreachableException {

    private static final long serialVersionUID = 1L;

    public PreservicaTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.github.camelpreservica.client;

/** No HTTP answer came back: connection refused, connect or read timeout, I/O failure (after any retries). */
public class PreservicaUnreachableException extends PreservicaException {

    private static final long serialVersionUID = 1L;

    public PreservicaUnreachableException(String message, Throwable cause) {
        super(message, -1, cause);
    }
}

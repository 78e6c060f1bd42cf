package io.github.camelpreservica.client;

/** Preservica answered 404 for an entity or subscription. */
public class PreservicaNotFoundException extends PreservicaException {

    private static final long serialVersionUID = 1L;

    public PreservicaNotFoundException(String message, int statusCode) {
        super(message, statusCode);
    }

    public PreservicaNotFoundException(String message, int statusCode, Throwable cause) {
        super(message, statusCode, cause);
    }
}

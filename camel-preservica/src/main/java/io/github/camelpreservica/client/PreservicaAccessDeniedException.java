package io.github.camelpreservica.client;

/** The user lacks a role or Preservica answered 403. */
public class PreservicaAccessDeniedException extends PreservicaException {

    private static final long serialVersionUID = 1L;

    public PreservicaAccessDeniedException(String message, int statusCode) {
        super(message, statusCode);
    }

    public PreservicaAccessDeniedException(String message, int statusCode, Throwable cause) {
        super(message, statusCode, cause);
    }
}

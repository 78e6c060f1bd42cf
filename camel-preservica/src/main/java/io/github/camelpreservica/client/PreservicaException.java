package io.github.camelpreservica.client;

/** Root of every failure the Preservica client reports. Messages never contain passwords, tokens or secrets. */
public class PreservicaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    public PreservicaException(String message) {
        this(message, -1, null);
    }

    public PreservicaException(String message, int statusCode) {
        this(message, statusCode, null);
    }

    public PreservicaException(String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** The HTTP status Preservica answered, or -1 when there was no answer. */
    public int statusCode() {
        return statusCode;
    }
}

package io.github.camelpreservica.delivery;

/**
 * A signed request body that is not a Preservica webhook delivery: not JSON, nested too deeply, or JSON of another
 * shape. The message says what was wrong and never quotes the body at length.
 */
public final class InvalidDeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidDeliveryException(String message) {
        super(message);
    }

    public InvalidDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}

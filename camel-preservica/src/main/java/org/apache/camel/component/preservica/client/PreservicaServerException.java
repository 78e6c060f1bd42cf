package org.apache.camel.component.preservica.client;

/** Preservica answered an error status not covered by a more specific exception, after any retries. */
public class PreservicaServerException extends PreservicaException {

    public PreservicaServerException(String message, int statusCode) {
        super(message, statusCode);
    }

    public PreservicaServerException(String message, int statusCode, Throwable cause) {
        super(message, statusCode, cause);
    }
}

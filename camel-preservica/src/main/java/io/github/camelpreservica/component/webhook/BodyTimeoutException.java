package io.github.camelpreservica.component.webhook;

import java.io.IOException;

/** Thrown when a request body did not arrive in time (answered 408). Names no Vert.x type: Vert.x is optional. */
final class BodyTimeoutException extends IOException {

    BodyTimeoutException(long timeoutMillis) {
        super("The request body did not arrive within " + timeoutMillis + " ms");
    }
}

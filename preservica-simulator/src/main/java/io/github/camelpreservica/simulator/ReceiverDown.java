package io.github.camelpreservica.simulator;

import java.util.Locale;

/**
 * What the simulator does with a delivery the receiver did not accept (no answer, or not 2xx). What Preservica does
 * is not published, so a test can try each.
 */
public enum ReceiverDown {
    /** The delivery is lost (the default; a test of catching up must assume the worst). */
    DROP,
    /** Sent again with doubling back-off, a bounded number of times; later deliveries do not wait for it. */
    RETRY,
    /** Held, with every later delivery to the same subscription, until the receiver answers 2xx; sent in order. */
    QUEUE;

    public static ReceiverDown parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("receiverDown must be drop, retry or queue, got '" + text + "'");
        }
    }
}

package io.github.camelpreservica.component.webhook;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits requests while open, and lets the consumer's stop close it and wait for the requests already admitted to
 * finish, so that a stop loses no delivery being processed.
 */
final class InFlightGate {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object finished = new Object();
    private volatile boolean open;

    void open() {
        open = true;
    }

    /** Whether the request may go on; if true, {@link #leave()} must follow. */
    boolean tryEnter() {
        // count first, then look: a concurrent closeAndAwait either sees this request or this request sees it closed
        inFlight.incrementAndGet();
        if (!open) {
            leave();
            return false;
        }
        return true;
    }

    void leave() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (finished) {
                finished.notifyAll();
            }
        }
    }

    /**
     * Refuses new requests and waits up to the timeout for the admitted ones.
     *
     * @return whether every admitted request finished in time
     */
    boolean closeAndAwait(long timeoutMillis) throws InterruptedException {
        open = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (finished) {
            while (inFlight.get() > 0) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    return false;
                }
                finished.wait(remaining);
            }
        }
        return true;
    }

    /** Refuses new requests without waiting. */
    void close() {
        open = false;
    }

    boolean isOpen() {
        return open;
    }

    int inFlight() {
        return inFlight.get();
    }
}

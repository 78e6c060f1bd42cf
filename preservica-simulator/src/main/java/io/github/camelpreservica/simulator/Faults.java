package io.github.camelpreservica.simulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Faults injected into {@code /api} answers: a number of failing calls, and a delay before every answer. */
final class Faults {

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile Duration delay = Duration.ZERO;

    void failNext(int calls, int status) {
        if (calls < 0 || status < 100 || status > 599) {
            throw new IllegalArgumentException("failNextCalls needs calls >= 0 and an HTTP status, got " + calls
                    + " and " + status);
        }
        failureStatus = status;
        failuresLeft.set(calls);
    }

    /** The status to fail this call with, or 0 when it should be answered normally. */
    int takeFailure() {
        int left;
        do {
            left = failuresLeft.get();
            if (left <= 0) {
                return 0;
            }
        } while (!failuresLeft.compareAndSet(left, left - 1));
        return failureStatus;
    }

    void delay(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delayResponses needs a duration >= 0, got " + delay);
        }
        this.delay = delay;
    }

    void sleepIfDelayed() throws InterruptedException {
        Duration current = delay;
        if (!current.isZero()) {
            Thread.sleep(current.toMillis());
        }
    }

    int failuresLeft() {
        return Math.max(0, failuresLeft.get());
    }

    long delayMillis() {
        return delay.toMillis();
    }

    void clear() {
        failuresLeft.set(0);
        failureStatus = 503;
        delay = Duration.ZERO;
    }
}

package io.github.camelpreservica.component.webhook;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a challenge may be answered now. Each answer is HMAC(secret, code) for a code the caller chose (PROTOCOL.md
 * section 3), which lets anyone who reaches the receiver collect pairs to attack a weak secret offline. With
 * challengeOnlyWhileSubscribing, challenges are answered only while this consumer's own subscribe call is in flight,
 * the moment Preservica validates the URL; by default always, since whether Preservica validates again later is not
 * known.
 */
final class ChallengeWindow {

    private final boolean onlyWhileSubscribing;
    private final AtomicInteger subscribeCallsInFlight = new AtomicInteger();

    ChallengeWindow(boolean onlyWhileSubscribing) {
        this.onlyWhileSubscribing = onlyWhileSubscribing;
    }

    boolean isOpen() {
        return !onlyWhileSubscribing || subscribeCallsInFlight.get() > 0;
    }

    /** Runs a subscribe call with the window open. */
    void whileSubscribing(Runnable subscribeCall) {
        subscribeCallsInFlight.incrementAndGet();
        try {
            subscribeCall.run();
        } finally {
            subscribeCallsInFlight.decrementAndGet();
        }
    }
}

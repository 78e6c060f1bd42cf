package io.github.camelpreservica.component.webhook;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What the consumer did with the requests it received; read through JMX and the health check. */
final class WebhookStatistics {

    /** Why a request got no exchange. */
    enum Rejection {
        /** Not a POST: 405. */
        METHOD_NOT_ALLOWED,
        /** Body over maxBodySize: 413. */
        TOO_LARGE,
        /** Body too slow to arrive: 408. */
        BODY_TIMEOUT,
        /** Signature header missing: 401. */
        SIGNATURE_MISSING,
        /** Signature header not 64 hex characters: 401. */
        SIGNATURE_MALFORMED,
        /** Signature of another body or another secret: 401. */
        SIGNATURE_MISMATCH,
        /** Correctly signed but not JSON shaped like a delivery: 400. */
        INVALID_DELIVERY,
        /** Challenge refused (missing, too long, or the signing-oracle guard): 400. */
        CHALLENGE_REFUSED,
        /** The consumer is stopping: 503. */
        NOT_ACCEPTING,
        /** The same delivery is being processed right now: 503. */
        DUPLICATE_IN_PROGRESS
    }

    private final Map<Rejection, LongAdder> rejected = new EnumMap<>(Rejection.class);
    private final LongAdder accepted = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder challengesAnswered = new LongAdder();
    private volatile long lastAcceptedAt;
    // reset by any correctly signed delivery: a run of mismatches alone says the secrets differ (or someone forges)
    private final AtomicLong signatureMismatchesInARow = new AtomicLong();

    WebhookStatistics() {
        for (Rejection reason : Rejection.values()) {
            rejected.put(reason, new LongAdder());
        }
    }

    void rejected(Rejection reason) {
        rejected.get(reason).increment();
        if (reason == Rejection.SIGNATURE_MISMATCH) {
            signatureMismatchesInARow.incrementAndGet();
        } else if (reason == Rejection.INVALID_DELIVERY || reason == Rejection.DUPLICATE_IN_PROGRESS) {
            signatureMismatchesInARow.set(0);
        }
    }

    void accepted() {
        signatureMismatchesInARow.set(0);
        accepted.increment();
        lastAcceptedAt = System.currentTimeMillis();
    }

    /** Signature mismatches since the last correctly signed delivery. */
    long signatureMismatchesInARow() {
        return signatureMismatchesInARow.get();
    }

    /** When the route last processed a delivery successfully (epoch millis), 0 when never. */
    long lastAcceptedAt() {
        return lastAcceptedAt;
    }

    void failed() {
        signatureMismatchesInARow.set(0);
        failed.increment();
    }

    void duplicate() {
        signatureMismatchesInARow.set(0);
        duplicates.increment();
    }

    void challengeAnswered() {
        challengesAnswered.increment();
    }

    long rejectedCount(Rejection reason) {
        return rejected.get(reason).sum();
    }

    long rejectedTotal() {
        return rejected.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long acceptedCount() {
        return accepted.sum();
    }

    long failedCount() {
        return failed.sum();
    }

    long duplicateCount() {
        return duplicates.sum();
    }

    long challengesAnsweredCount() {
        return challengesAnswered.sum();
    }
}

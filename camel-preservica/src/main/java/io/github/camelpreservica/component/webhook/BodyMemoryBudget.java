package io.github.camelpreservica.component.webhook;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the bytes all request bodies being read or processed may hold together (maxInFlightBodyBytes), so that many
 * large bodies at once cannot exhaust the heap even though each is under maxBodySize. A request that would pass the
 * bound is answered 503 with Retry-After before its body is read. Each request reserves what it may hold: its
 * Content-Length, or maxBodySize when the length is not declared (chunked).
 */
final class BodyMemoryBudget {

    private final long limit;
    private final AtomicLong reserved = new AtomicLong();

    BodyMemoryBudget(long limit) {
        this.limit = limit;
    }

    /** Reserves {@code bytes}; false, reserving nothing, when that would pass the limit. */
    boolean tryReserve(long bytes) {
        while (true) {
            long current = reserved.get();
            // one body alone is always allowed, so that a limit under maxBodySize cannot refuse everything
            if (current > 0 && current + bytes > limit) {
                return false;
            }
            if (reserved.compareAndSet(current, current + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    long reservedBytes() {
        return reserved.get();
    }
}

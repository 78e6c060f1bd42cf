package io.github.camelpreservica.component.webhook;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.camelpreservica.component.webhook.WebhookStatistics.Rejection;
import org.slf4j.Logger;

/**
 * Logs rejected requests at WARN, but at most once per {@link #INTERVAL_NANOS} for each reason, so that a flood of
 * hostile requests cannot flood the log; the suppressed ones are counted in the next warning. The counters in
 * {@link WebhookStatistics} (and JMX) stay exact: they count every request.
 */
final class RejectionWarnings {

    static final long INTERVAL_NANOS = 10_000_000_000L;

    private final Logger log;
    private final LongSupplier nanoClock;
    private final Map<Rejection, AtomicLong> nextWarningAt = new EnumMap<>(Rejection.class);
    private final Map<Rejection, AtomicLong> suppressed = new EnumMap<>(Rejection.class);

    RejectionWarnings(Logger log, LongSupplier nanoClock) {
        this.log = log;
        this.nanoClock = nanoClock;
        for (Rejection reason : Rejection.values()) {
            // the first warning of each reason is always logged
            nextWarningAt.put(reason, new AtomicLong(nanoClock.getAsLong()));
            suppressed.put(reason, new AtomicLong());
        }
    }

    /** Logs {@code message} (an SLF4J pattern) at WARN unless this reason was logged within the interval. */
    void warn(Rejection reason, String message, Object... arguments) {
        long now = nanoClock.getAsLong();
        AtomicLong next = nextWarningAt.get(reason);
        long due = next.get();
        if (now - due < 0 || !next.compareAndSet(due, now + INTERVAL_NANOS)) {
            suppressed.get(reason).incrementAndGet();
            return;
        }
        long skipped = suppressed.get(reason).getAndSet(0);
        if (skipped > 0) {
            log.warn(message + " (and {} more like it in the last {} s, not logged)",
                    append(arguments, skipped, INTERVAL_NANOS / 1_000_000_000L));
        } else {
            log.warn(message, arguments);
        }
    }

    private static Object[] append(Object[] arguments, Object... more) {
        Object[] all = new Object[arguments.length + more.length];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        System.arraycopy(more, 0, all, arguments.length, more.length);
        return all;
    }
}

package io.github.camelpreservica.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deliveries a receiver did not accept, handled as {@link ReceiverDown} says: dropped, retried with back-off in the
 * background, or queued per subscription and sent in order once the receiver answers 2xx again.
 */
final class FailedDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(FailedDeliveries.class);

    /** A delivery to send again: the subscription id, URL, bytes, signature and framing of the first attempt. */
    record Pending(String subscriptionId, String url, byte[] body, String signature, boolean chunked) {
    }

    private final Function<Pending, DeliveryRecord> sender;
    private final Map<String, Deque<Pending>> queues = new LinkedHashMap<>();
    private volatile ReceiverDown behaviour = ReceiverDown.DROP;
    private volatile Duration backoff = Duration.ofMillis(200);
    private volatile int attempts = 5;
    private ScheduledExecutorService scheduler;

    FailedDeliveries(Function<Pending, DeliveryRecord> sender) {
        this.sender = sender;
    }

    /**
     * @param backoff the first pause before a retry (doubling each time, at most 30 s) or between tries of a queue
     * @param attempts how many times RETRY sends again before giving up
     */
    synchronized void configure(ReceiverDown behaviour, Duration backoff, int attempts) {
        if (backoff == null || backoff.isNegative() || backoff.isZero() || attempts < 0) {
            throw new IllegalArgumentException("receiverDown needs a positive back-off and attempts >= 0, got "
                    + backoff + " and " + attempts);
        }
        this.behaviour = behaviour;
        this.backoff = backoff;
        this.attempts = attempts;
    }

    ReceiverDown behaviour() {
        return behaviour;
    }

    /** Whether a new delivery to this subscription must wait behind earlier ones (QUEUE only). */
    synchronized boolean mustWait(String subscriptionId) {
        Deque<Pending> queue = queues.get(subscriptionId);
        return queue != null && !queue.isEmpty();
    }

    /** Takes care of a delivery that was not accepted, or that must wait ({@link #mustWait}). */
    synchronized void failed(Pending pending) {
        switch (behaviour) {
            case DROP -> LOG.info("delivery to {} dropped (receiverDown=drop)", pending.url());
            case RETRY -> schedule(() -> retry(pending, 1), backoff.toMillis());
            case QUEUE -> {
                Deque<Pending> queue = queues.computeIfAbsent(pending.subscriptionId(), id -> new ArrayDeque<>());
                queue.addLast(pending);
                if (queue.size() == 1) {
                    schedule(() -> drain(pending.subscriptionId()), backoff.toMillis());
                }
            }
            default -> throw new IllegalStateException("Unknown behaviour " + behaviour);
        }
    }

    synchronized int queued() {
        return queues.values().stream().mapToInt(Deque::size).sum();
    }

    /** Forgets the queues and the pending retries, and goes back to dropping (the default). */
    synchronized void clear() {
        behaviour = ReceiverDown.DROP;
        backoff = Duration.ofMillis(200);
        attempts = 5;
        queues.clear();
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private void retry(Pending pending, int attempt) {
        if (sender.apply(pending).accepted()) {
            return;
        }
        if (attempt >= attempts) {
            LOG.info("delivery to {} given up after {} retries (receiverDown=retry)", pending.url(), attempt);
            return;
        }
        long delay = Math.min(30_000, backoff.toMillis() << Math.min(attempt, 16));
        synchronized (this) {
            schedule(() -> retry(pending, attempt + 1), delay);
        }
    }

    /** Sends the queue's head until one is refused; then tries again after the back-off. */
    private void drain(String subscriptionId) {
        while (true) {
            Pending head;
            synchronized (this) {
                Deque<Pending> queue = queues.get(subscriptionId);
                head = queue == null ? null : queue.peekFirst();
                if (head == null) {
                    return;
                }
            }
            if (!sender.apply(head).accepted()) {
                synchronized (this) {
                    schedule(() -> drain(subscriptionId), backoff.toMillis());
                }
                return;
            }
            synchronized (this) {
                Deque<Pending> queue = queues.get(subscriptionId);
                if (queue != null) {
                    queue.pollFirst();
                }
            }
        }
    }

    private void schedule(Runnable task, long delayMillis) {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "preservica-simulator-redelivery");
                thread.setDaemon(true);
                return thread;
            });
        }
        scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }
}

package io.github.camelpreservica.component.webhook;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelpreservica.delivery.WebhookEvent;
import io.github.camelpreservica.testing.RawHttp;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak check of issue 5, run only by the {@code soak} profile ({@code mvn -B -ntp -Psoak -pl camel-preservica
 * verify}): 32 senders post distinct signed deliveries for 60 s after a warm-up; both sides count. Every delivery
 * answered 200 must have reached the route exactly once, none may be lost or duplicated, and the heap after a full GC
 * at the end must be within 10% of the heap after warm-up. Durations and sender count can be changed with
 * {@code -Dsoak.seconds}, {@code -Dsoak.warmupSeconds} and {@code -Dsoak.senders}. The result is printed and written
 * to {@code target/soak-result.txt}.
 */
class WebhookSoakIT extends WebhookTestSupport {

    private static final int SENDERS = Integer.getInteger("soak.senders", 32);
    private static final long SECONDS = Long.getLong("soak.seconds", 60);
    private static final long WARMUP_SECONDS = Long.getLong("soak.warmupSeconds", 20);
    /** Enough for the consumer's bounded redelivery memory (10,000 entries) to be full before the heap is measured. */
    private static final long WARMUP_MIN_DELIVERIES = 15_000;
    private static final String PREFIX = "soak-";

    // one bit per delivery, by sender and sequence number: bookkeeping that does not itself grow the heap much
    private final BitSet[] received = new BitSet[SENDERS];
    private final BitSet[] answered200 = new BitSet[SENDERS];
    private final AtomicLong duplicatesSeen = new AtomicLong();
    private final AtomicLong otherAnswers = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean sending = true;
    // while set, senders finish the delivery in hand and wait: the heap is measured with nothing in flight
    private volatile boolean paused;
    private final AtomicInteger waiting = new AtomicInteger();

    @Test
    void everyDeliveryAnswered200ReachedTheRouteOnceAndTheHeapStayedFlat() throws Exception {
        for (int i = 0; i < SENDERS; i++) {
            received[i] = new BitSet();
            answered200[i] = new BitSet();
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:soak?subscribe=false").routeId("soak")
                        .process(exchange -> record(exchange.getMessage().getBody(WebhookEvent.class).getEntityRef()));
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            int sender = i;
            senders.add(pool.submit(() -> send(sender)));
        }

        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
        while (System.nanoTime() < warmupEnd || sent.get() < WARMUP_MIN_DELIVERIES) {
            Thread.sleep(200);
            if (System.nanoTime() > warmupEnd + TimeUnit.SECONDS.toNanos(120)) {
                break;
            }
        }
        long afterWarmup = heapWithNothingInFlight();
        long sentAtWarmup = sent.get();
        long start = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS));
        sending = false;
        for (Future<?> future : senders) {
            future.get(60, TimeUnit.SECONDS);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        // the senders have ended: nothing is in flight, as when the heap was measured after warm-up
        long atEnd = heapAfterFullGc();

        long total = 0;
        long lost = 0;
        long unasked = 0;
        for (int i = 0; i < SENDERS; i++) {
            synchronized (received[i]) {
                total += answered200[i].cardinality();
                BitSet missing = (BitSet) answered200[i].clone();
                missing.andNot(received[i]);
                lost += missing.cardinality();
                BitSet extra = (BitSet) received[i].clone();
                extra.andNot(answered200[i]);
                unasked += extra.cardinality();
            }
        }
        String result = String.format(Locale.ROOT, "senders=%d warmup=%ds measured=%.1fs deliveries answered 200=%d "
                + "(%d in the measured period, %.0f/s) lost=%d duplicates=%d "
                + "received without a 200=%d other answers=%d send failures=%d "
                + "heap after warm-up=%.1f MiB heap at end=%.1f MiB (%+.1f%%)",
                SENDERS, WARMUP_SECONDS, elapsed, total, total - sentAtWarmup, (total - sentAtWarmup) / elapsed, lost,
                duplicatesSeen.get(), unasked, otherAnswers.get(), sendFailures.get(), afterWarmup / 1048576.0,
                atEnd / 1048576.0, 100.0 * (atEnd - afterWarmup) / afterWarmup);
        System.out.println("SOAK RESULT " + result);
        Files.writeString(Path.of("target", "soak-result.txt"), result + System.lineSeparator(),
                StandardCharsets.UTF_8);

        assertThat(total).as("deliveries answered 200").isPositive();
        assertThat(lost).as("answered 200 but never reached the route").isZero();
        assertThat(duplicatesSeen.get()).as("reached the route twice").isZero();
        assertThat(unasked).as("reached the route without a 200").isZero();
        assertThat(otherAnswers.get()).as("answers other than 200").isZero();
        assertThat(sendFailures.get()).as("requests without an answer").isZero();
        assertThat(atEnd).as("heap at end vs after warm-up")
                .isBetween((long) (afterWarmup * 0.90), (long) (afterWarmup * 1.10));
    }

    /**
     * Posts deliveries on a connection of this sender's own, HTTP/1.1 kept alive, until told to stop; a connection
     * that fails is counted and replaced. Not java.net.http: at these rates its connection pool now and then loses a
     * response that did arrive (JDK-8338569, a pooled connection's clean-up seeing the next exchange's answer).
     */
    private void send(int sender) {
        RawHttp http = null;
        for (int n = 0; sending; n++) {
            if (paused) {
                waitWhilePaused();
            }
            byte[] body = delivery("9495ddbf7d4a0b9f030a3411c87f967d", PREFIX + sender + "-" + n);
            byte[] request = RawHttp.request("POST /preservica/soak HTTP/1.1\r\nHost: " + LOOPBACK + "\r\n"
                    + "Content-Type: application/json\r\nPreservica-Signature: "
                    + signatures.sign(body) + "\r\nContent-Length: " + body.length
                    + "\r\n\r\n", body);
            try {
                if (http == null) {
                    http = new RawHttp(httpPort, 30_000);
                }
                int status = http.write(request) ? http.readResponse().status() : RawHttp.NO_ANSWER;
                if (status == 200) {
                    synchronized (received[sender]) {
                        answered200[sender].set(n);
                    }
                    sent.incrementAndGet();
                } else if (status == RawHttp.NO_ANSWER) {
                    throw new IOException("connection closed without an answer");
                } else {
                    otherAnswers.incrementAndGet();
                }
            } catch (IOException e) {
                if (sendFailures.incrementAndGet() == 1) {
                    System.out.println("SOAK first request without an answer: " + PREFIX + sender + "-" + n);
                    e.printStackTrace(System.out);
                }
                http = closeQuietly(http);
            }
        }
        closeQuietly(http);
    }

    private static RawHttp closeQuietly(RawHttp http) {
        if (http != null) {
            try {
                http.close();
            } catch (IOException e) {
                // already broken
            }
        }
        return null;
    }

    private void record(String ref) {
        int dash = ref.indexOf('-', PREFIX.length());
        int sender = Integer.parseInt(ref.substring(PREFIX.length(), dash));
        int n = Integer.parseInt(ref.substring(dash + 1));
        synchronized (received[sender]) {
            if (received[sender].get(n)) {
                duplicatesSeen.incrementAndGet();
            }
            received[sender].set(n);
        }
    }

    private long heapWithNothingInFlight() throws InterruptedException {
        paused = true;
        try {
            while (waiting.get() < SENDERS) {
                Thread.sleep(10);
            }
            return heapAfterFullGc();
        } finally {
            paused = false;
        }
    }

    private void waitWhilePaused() {
        waiting.incrementAndGet();
        try {
            while (paused) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
    }

    private static long heapAfterFullGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(300);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

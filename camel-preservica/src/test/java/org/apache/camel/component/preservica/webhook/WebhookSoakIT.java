package org.apache.camel.component.preservica.webhook;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.preservica.delivery.WebhookEvent;
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
        String url = receiverUrl("soak");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            int sender = i;
            senders.add(pool.submit(() -> send(client, url, sender)));
        }

        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
        while (System.nanoTime() < warmupEnd || sent.get() < WARMUP_MIN_DELIVERIES) {
            Thread.sleep(200);
            if (System.nanoTime() > warmupEnd + TimeUnit.SECONDS.toNanos(120)) {
                break;
            }
        }
        long afterWarmup = heapAfterFullGc();
        long sentAtWarmup = sent.get();
        long start = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS));
        sending = false;
        for (Future<?> future : senders) {
            future.get(60, TimeUnit.SECONDS);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
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
        assertThat(atEnd).as("heap at end vs after warm-up").isLessThanOrEqualTo((long) (afterWarmup * 1.10));
    }

    private void send(HttpClient client, String url, int sender) {
        for (int n = 0; sending; n++) {
            byte[] body = delivery("9495ddbf7d4a0b9f030a3411c87f967d", PREFIX + sender + "-" + n);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Preservica-Signature", signatures.sign(body))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    synchronized (received[sender]) {
                        answered200[sender].set(n);
                    }
                    sent.incrementAndGet();
                } else {
                    otherAnswers.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                sendFailures.incrementAndGet();
            }
        }
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

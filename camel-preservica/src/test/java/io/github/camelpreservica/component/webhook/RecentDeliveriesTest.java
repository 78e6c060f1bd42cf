package io.github.camelpreservica.component.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentDeliveriesTest {

    @Test
    void remembersADeliveryOnce() {
        RecentDeliveries seen = new RecentDeliveries(3);

        assertThat(seen.add(key(1))).isTrue();
        assertThat(seen.add(key(1))).isFalse();
        assertThat(seen.contains(key(1))).isTrue();
        assertThat(seen.contains(key(2))).isFalse();
    }

    @Test
    void forgetsTheOldestBeyondItsCapacity() {
        RecentDeliveries seen = new RecentDeliveries(3);
        for (int i = 1; i <= 4; i++) {
            seen.add(key(i));
        }

        assertThat(seen.contains(key(1))).isFalse();
        assertThat(seen.contains(key(2))).isTrue();
        assertThat(seen.contains(key(4))).isTrue();
        assertThat(seen.size()).isEqualTo(3);
        // a redelivery does not make a delivery last longer
        seen.add(key(2));
        seen.add(key(5));
        assertThat(seen.contains(key(2))).isFalse();
    }

    @Test
    void forgetsARemovedDeliverySoThatItsRedeliveryIsProcessed() {
        RecentDeliveries seen = new RecentDeliveries(3);
        seen.add(key(1));

        assertThat(seen.remove(key(1))).isTrue();
        assertThat(seen.remove(key(1))).isFalse();
        assertThat(seen.add(key(1))).isTrue();
    }

    @Test
    void readsUppercaseAndLowercaseHexAsTheSameKey() {
        RecentDeliveries seen = new RecentDeliveries(3);
        seen.add(key(0xabcdef));

        assertThat(seen.contains(key(0xabcdef).toUpperCase())).isTrue();
    }

    @Test
    void refusesAKeyThatIsNotASignature() {
        RecentDeliveries seen = new RecentDeliveries(3);

        assertThatThrownBy(() -> seen.add("not-a-signature")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A delivery key is 64 hexadecimal characters");
        assertThatThrownBy(() -> seen.add("g".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecentDeliveries(0)).hasMessage("capacity must be at least 1, was 0");
    }

    /**
     * Random adds and removes against a plain model (an insertion-ordered set), with keys that share their first 16
     * characters, so that they all compete for the same place in the index: every probe and every deletion of the
     * index runs, and any mistake shows as a key remembered or forgotten wrongly.
     */
    @Test
    void agreesWithAPlainModelUnderRandomAddsAndRemovesWithCollidingKeys() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            int capacity = 1 + random.nextInt(40);
            RecentDeliveries seen = new RecentDeliveries(capacity);
            LinkedHashSet<String> model = new LinkedHashSet<>();
            // the ring's slots in the order they are overwritten: the oldest add's first, even if removed since
            List<String> slots = new ArrayList<>();
            for (int step = 0; step < 5_000; step++) {
                boolean colliding = random.nextBoolean();
                String key = colliding ? collidingKey(random.nextInt(3 * capacity)) : key(random.nextInt(3 * capacity));
                if (random.nextInt(4) == 0) {
                    boolean removed = model.remove(key);
                    assertThat(seen.remove(key)).as("remove %s, step %d, seed %d", key, step, seed).isEqualTo(removed);
                    if (removed) {
                        // its slot stays taken, empty, until the ring comes round to it
                        slots.set(slots.lastIndexOf(key), null);
                    }
                } else {
                    boolean added = seen.add(key);
                    assertThat(added).as("add %s, step %d, seed %d", key, step, seed).isEqualTo(!model.contains(key));
                    if (added) {
                        if (slots.size() == capacity) {
                            String oldest = slots.remove(0);
                            if (oldest != null) {
                                model.remove(oldest);
                            }
                        }
                        slots.add(key);
                        model.add(key);
                    }
                }
                assertThat(seen.size()).isEqualTo(model.size());
            }
            for (String key : model) {
                assertThat(seen.contains(key)).isTrue();
            }
        }
    }

    @Test
    void letsExactlyOneOfManyConcurrentCopiesThrough() throws Exception {
        RecentDeliveries seen = new RecentDeliveries(50_000);
        AtomicInteger firstCopies = new AtomicInteger();

        // every thread sends the same 20,000 deliveries
        inEightThreads(thread -> {
            for (int i = 0; i < 20_000; i++) {
                if (seen.add(key(i))) {
                    firstCopies.incrementAndGet();
                }
            }
        });

        assertThat(firstCopies.get()).isEqualTo(20_000);
        assertThat(seen.size()).isEqualTo(20_000);
    }

    @Test
    void staysWithinItsCapacityUnderConcurrentDeliveries() throws Exception {
        RecentDeliveries seen = new RecentDeliveries(1_000);

        inEightThreads(thread -> {
            for (int i = 0; i < 20_000; i++) {
                seen.add(key(thread * 1_000_000L + i));
            }
        });

        assertThat(seen.size()).isEqualTo(1_000);
    }

    /** A signature-shaped key: 64 hexadecimal characters, different for each number, spread like an HMAC's. */
    private static String key(long n) {
        Random random = new Random(n);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            key.append(String.format("%016x", random.nextLong()));
        }
        return key.toString();
    }

    /** Keys whose first 16 characters are the same, so they all want the same place in the index. */
    private static String collidingKey(long n) {
        return "00000000deadbeef" + key(n).substring(16);
    }

    private static void inEightThreads(IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    work.accept(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

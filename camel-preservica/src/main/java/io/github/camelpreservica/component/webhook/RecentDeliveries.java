package io.github.camelpreservica.component.webhook;

import java.util.Arrays;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The consumer's default memory of processed deliveries: the last {@code capacity} delivery signatures, forgotten
 * oldest first, held as numbers in arrays allocated once.
 * <p>
 * Why not Camel's {@code MemoryIdempotentRepository}: it keeps each key as a String in a map entry, so every delivery
 * leaves objects that live through several young collections before they are forgotten, and copying them is what
 * made the receiver's collection pauses (and so its 99th percentile latency) more than twice the baseline's. Here a
 * delivery leaves nothing behind: its 32 signature bytes go into a ring of longs, found through an open-addressing
 * index of ints.
 * <p>
 * Keys are signatures as the consumer makes them: 64 hexadecimal characters (what is not is refused).
 */
final class RecentDeliveries extends ServiceSupport implements IdempotentRepository {

    private static final int LONGS_PER_KEY = 4;

    private final int capacity;
    // slot s holds a key in ring[4s .. 4s+3]; slots are written in turn, the oldest overwritten first
    private final long[] ring;
    private final boolean[] remembered;
    // open addressing with linear probing: slot + 1, or 0 for empty; at most half full
    private final int[] index;
    private final int mask;
    private int next;
    private int size;

    RecentDeliveries(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.ring = new long[capacity * LONGS_PER_KEY];
        this.remembered = new boolean[capacity];
        this.index = new int[Integer.highestOneBit(capacity * 2 - 1) << 1];
        this.mask = index.length - 1;
    }

    @Override
    public synchronized boolean add(String key) {
        long[] k = parse(key);
        if (find(k) >= 0) {
            return false;
        }
        int slot = next;
        next = (next + 1) % capacity;
        if (remembered[slot]) {
            // full: the oldest goes
            forget(find(slot));
        }
        System.arraycopy(k, 0, ring, slot * LONGS_PER_KEY, LONGS_PER_KEY);
        remembered[slot] = true;
        size++;
        int position = home(k[0]);
        while (index[position] != 0) {
            position = (position + 1) & mask;
        }
        index[position] = slot + 1;
        return true;
    }

    @Override
    public synchronized boolean contains(String key) {
        return find(parse(key)) >= 0;
    }

    /** Forgets a delivery (its route failed, so that a redelivery is processed). */
    @Override
    public synchronized boolean remove(String key) {
        int position = find(parse(key));
        if (position < 0) {
            return false;
        }
        forget(position);
        return true;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public synchronized void clear() {
        Arrays.fill(index, 0);
        Arrays.fill(remembered, false);
        next = 0;
        size = 0;
    }

    /** Deliveries remembered now. */
    synchronized int size() {
        return size;
    }

    /** The index position of the key, or -1. */
    private int find(long[] k) {
        for (int position = home(k[0]); index[position] != 0; position = (position + 1) & mask) {
            int at = (index[position] - 1) * LONGS_PER_KEY;
            if (ring[at] == k[0] && ring[at + 1] == k[1] && ring[at + 2] == k[2] && ring[at + 3] == k[3]) {
                return position;
            }
        }
        return -1;
    }

    /** The index position that points at a remembered slot. */
    private int find(int slot) {
        int position = home(ring[slot * LONGS_PER_KEY]);
        while (index[position] != slot + 1) {
            position = (position + 1) & mask;
        }
        return position;
    }

    /** Removes the entry at an index position, shifting back the entries after it that may not stay behind a gap. */
    private void forget(int position) {
        remembered[index[position] - 1] = false;
        size--;
        int gap = position;
        for (int probe = (gap + 1) & mask; index[probe] != 0; probe = (probe + 1) & mask) {
            int home = home(ring[(index[probe] - 1) * LONGS_PER_KEY]);
            // the entry may move into the gap unless its home lies cyclically in (gap, probe]
            boolean homeAfterGap = gap <= probe ? home > gap && home <= probe : home > gap || home <= probe;
            if (!homeAfterGap) {
                index[gap] = index[probe];
                gap = probe;
            }
        }
        index[gap] = 0;
    }

    private int home(long first) {
        // a signature is an HMAC: its bits are already evenly spread
        return (int) (first ^ (first >>> 32)) & mask;
    }

    private static long[] parse(String key) {
        if (key == null || key.length() != LONGS_PER_KEY * 16) {
            throw new IllegalArgumentException("A delivery key is 64 hexadecimal characters");
        }
        long[] k = new long[LONGS_PER_KEY];
        for (int i = 0; i < key.length(); i++) {
            int digit = Character.digit(key.charAt(i), 16);
            if (digit < 0) {
                throw new IllegalArgumentException("A delivery key is 64 hexadecimal characters");
            }
            k[i / 16] = (k[i / 16] << 4) | digit;
        }
        return k;
    }
}

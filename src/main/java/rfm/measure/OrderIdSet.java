package rfm.measure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The order ids seen so far, for first-row-wins duplicate detection, without a String object per id: the
 * ids' UTF-8 bytes go one after another into pages of 1 MiB, and an open-addressing table of longs holds, per
 * id, where its bytes start, how long they are, and some bits of its hash to skip most byte comparisons.
 * About 8 to 16 bytes plus the id's length per order (against 60 to 100 for a HashSet of Strings); at 10
 * million orders about 250 MB instead of 1 GB. Pages are never copied when the set grows, so growing costs
 * only the table's doubling.
 */
final class OrderIdSet {

    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int LENGTH_BITS = 16;
    private static final int ADDRESS_BITS = 31; // address + 1 of the id's first byte: pages * PAGE_SIZE < 2^31
    private static final int TAG_BITS = 64 - LENGTH_BITS - ADDRESS_BITS;
    private static final long LENGTH_MASK = (1L << LENGTH_BITS) - 1;
    private static final long ADDRESS_MASK = (1L << ADDRESS_BITS) - 1;

    private final List<byte[]> pages = new ArrayList<>();
    private byte[] page;
    private int pageUsed = PAGE_SIZE;
    /** Per slot: tag << 47 | (address + 1) << 16 | length; 0 = empty. */
    private long[] slots;
    private int size;

    OrderIdSet() {
        this(0);
    }

    /** A set with room for about this many ids before its table first doubles. */
    OrderIdSet(long expected) {
        int capacity = 1 << 12;
        while (capacity * 3L / 4 < expected && capacity < 1 << 30) {
            capacity <<= 1;
        }
        slots = new long[capacity];
    }

    /** Adds an id; false when it was there already. */
    boolean add(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        if (b.length > LENGTH_MASK || b.length > PAGE_SIZE) {
            throw new IllegalArgumentException("order id of " + b.length + " bytes");
        }
        int hash = hash(b, 0, b.length);
        long tag = tagOf(hash);
        int mask = slots.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                slots[i] = tag | store(b) << LENGTH_BITS | b.length;
                if (++size * 4L > slots.length * 3L) { // at most three quarters full
                    grow();
                }
                return true;
            }
            if ((slot & ~(ADDRESS_MASK << LENGTH_BITS | LENGTH_MASK)) == tag && equal(slot, b)) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    /** Copies the bytes into the current page (a new one when they do not fit); returns their address + 1. */
    private long store(byte[] b) {
        if (PAGE_SIZE - pageUsed < b.length) {
            if ((long) (pages.size() + 1) * PAGE_SIZE >= ADDRESS_MASK) {
                throw new IllegalStateException("more order id bytes than " + ADDRESS_MASK);
            }
            page = new byte[PAGE_SIZE];
            pages.add(page);
            pageUsed = 0;
        }
        System.arraycopy(b, 0, page, pageUsed, b.length);
        long address = (long) (pages.size() - 1) * PAGE_SIZE + pageUsed;
        pageUsed += b.length;
        return address + 1;
    }

    private boolean equal(long slot, byte[] b) {
        int length = (int) (slot & LENGTH_MASK);
        if (length != b.length) {
            return false;
        }
        long address = ((slot >>> LENGTH_BITS) & ADDRESS_MASK) - 1;
        byte[] p = pages.get((int) (address >>> PAGE_BITS));
        int start = (int) (address & (PAGE_SIZE - 1));
        return Arrays.equals(p, start, start + length, b, 0, length);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long slot : old) {
            if (slot != 0) {
                long address = ((slot >>> LENGTH_BITS) & ADDRESS_MASK) - 1;
                byte[] p = pages.get((int) (address >>> PAGE_BITS));
                int start = (int) (address & (PAGE_SIZE - 1));
                int i = hash(p, start, start + (int) (slot & LENGTH_MASK)) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = slot;
            }
        }
    }

    private static long tagOf(int hash) {
        return (long) (hash >>> (32 - TAG_BITS)) << (LENGTH_BITS + ADDRESS_BITS);
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0x9E3779B9;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}

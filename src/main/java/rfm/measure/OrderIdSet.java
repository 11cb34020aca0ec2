package rfm.measure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import rfm.ingest.PackedOrderId;

/**
 * The order ids seen so far, for first-row-wins duplicate detection, without a String object per id.
 *
 * <p>An id that packs into one long ({@link PackedOrderId}: up to 10 digits, ASCII letters or dashes, as most exports'
 * order ids; packed ids order as the ids do) is kept as that long. Exports usually list orders
 * as they were placed, so such ids mostly come in ascending order: those go onto the end of the <em>ascending
 * run</em>, sorted and kept in blocks, with no lookup at all (an id above the run's last is above every id seen,
 * since only smaller ids ever go anywhere else). An id that comes out of order is looked up in the run by binary
 * search (its last steps near the run's end, which is in the cache) and then in an open-addressing table of
 * longs, where it is added. A file in random order leaves the run a few ids long and everything in the table.
 *
 * <p>Any other id's UTF-8 bytes go one after another into pages of 1 MiB, and its table slot holds where they
 * start, how long they are, and some bits of its hash to skip most byte comparisons. At 10 million ascending
 * short ids the set is the run alone, about 42 MB written in order (a table for them would be 134 MB read at
 * random, a HashSet of Strings about 1 GB). Pages are never copied when the set grows.
 */
final class OrderIdSet {

    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int LENGTH_BITS = 16;
    private static final int ADDRESS_BITS = 31; // address + 1 of the id's first byte: pages * PAGE_SIZE < 2^31
    private static final int TAG_BITS = 63 - LENGTH_BITS - ADDRESS_BITS;
    /** Marks a slot holding an id inline (a paged id's slot has this bit clear). */
    private static final long INLINE = 1L << 63;
    private static final long LENGTH_MASK = (1L << LENGTH_BITS) - 1;
    private static final long ADDRESS_MASK = (1L << ADDRESS_BITS) - 1;

    private final List<byte[]> pages = new ArrayList<>();
    private byte[] page;
    private int pageUsed = PAGE_SIZE;
    /** Per slot: INLINE | the id's codes, or tag << 47 | (address + 1) << 16 | length; 0 = empty. */
    private long[] slots = new long[1 << 12];
    /** Ids in the table. */
    private int size;
    /*
     * The ascending run: packed inline ids, strictly ascending, each above every id in the table when added. Kept
     * in blocks of at most BLOCK ids: a block's first id in full (runBase) and where the block starts (runStart),
     * and every id of it as its difference from that first one, unsigned, in an int (runLow). Ids placed one after
     * another differ in their last few characters, so a block ends early only when an id is 2^32 or more above
     * its block's first (a carry into the sixth character from the end): about 4 bytes an id instead of 8.
     */
    private static final int BLOCK = 64;
    private int[] runLow;
    private long[] runBase;
    private int[] runStart;
    private int runSize;
    private int blocks;
    /** The run's last id (meaningful when runSize > 0). */
    private long runLast;

    OrderIdSet() {
        this(0);
    }

    /**
     * A set expecting about this many ids: its ascending run starts a quarter larger, so that a guess a little
     * low does not make it grow (growing copies it, and for a moment holds both copies).
     */
    OrderIdSet(long expected) {
        int ids = (int) Math.max(16, Math.min(expected + expected / 4, 1 << 27));
        runLow = new int[ids];
        runBase = new long[ids / BLOCK + 16];
        runStart = new int[runBase.length];
    }

    /** Adds an id; false when it was there already. */
    boolean add(String id) {
        return add(PackedOrderId.pack(id), id);
    }

    /**
     * Adds an id given packed ({@link PackedOrderId}; {@code id} may then be null) or, with {@code packed} 0, as
     * {@code id}; false when it was there already.
     */
    boolean add(long packed, String id) {
        if (packed == 0) {
            return addPaged(id.getBytes(StandardCharsets.UTF_8));
        }
        if (runSize == 0 || packed > runLast) {
            append(packed);
            return true;
        }
        return !inRun(packed) && addInline(packed);
    }

    /** Puts an id above every other onto the end of the run. */
    private void append(long packed) {
        if (runSize == runLow.length) {
            runLow = Arrays.copyOf(runLow, (int) Math.min(runLow.length + (runLow.length >> 1), Integer.MAX_VALUE - 8));
        }
        if (blocks == 0 || runSize - runStart[blocks - 1] == BLOCK || packed - runBase[blocks - 1] > 0xFFFF_FFFFL) {
            if (blocks == runBase.length) {
                runBase = Arrays.copyOf(runBase, blocks + (blocks >> 1));
                runStart = Arrays.copyOf(runStart, runBase.length);
            }
            runBase[blocks] = packed;
            runStart[blocks++] = runSize;
        }
        runLow[runSize++] = (int) (packed - runBase[blocks - 1]);
        runLast = packed;
    }

    /** Whether the run holds this id: the last block whose first id is not above it, then within that block. */
    private boolean inRun(long packed) {
        int b = Arrays.binarySearch(runBase, 0, blocks, packed);
        if (b >= 0) {
            return true;
        }
        b = -b - 2; // the block before the insertion point
        if (b < 0) {
            return false;
        }
        if (packed - runBase[b] > 0xFFFF_FFFFL) {
            return false; // above every id of the block (they all differ from its first by less)
        }
        int low = (int) (packed - runBase[b]);
        int from = runStart[b];
        int to = b + 1 < blocks ? runStart[b + 1] : runSize;
        while (from < to) { // the block's differences ascend, compared unsigned
            int mid = (from + to) >>> 1;
            int c = Integer.compareUnsigned(runLow[mid], low);
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                from = mid + 1;
            } else {
                to = mid;
            }
        }
        return false;
    }

    private boolean addInline(long packed) {
        long value = INLINE | packed;
        int mask = slots.length - 1;
        for (int i = mix(packed) & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                slots[i] = value;
                added();
                return true;
            }
            if (slot == value) {
                return false;
            }
        }
    }

    private boolean addPaged(byte[] b) {
        int length = b.length;
        if (length > LENGTH_MASK || length > PAGE_SIZE) {
            throw new IllegalArgumentException("order id of " + length + " bytes");
        }
        int hash = hash(b, 0, length);
        long tag = tagOf(hash);
        int mask = slots.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                slots[i] = tag | store(b) << LENGTH_BITS | length;
                added();
                return true;
            }
            if ((slot & ~(ADDRESS_MASK << LENGTH_BITS | LENGTH_MASK)) == tag && equal(slot, b)) {
                return false;
            }
        }
    }

    private void added() {
        if (++size * 4L > slots.length * 3L) { // at most three quarters full
            grow();
        }
    }

    int size() {
        return runSize + size;
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
        int length = b.length;
        if ((int) (slot & LENGTH_MASK) != length) {
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
            if (slot < 0) { // inline
                int i = mix(slot & ~INLINE) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = slot;
            } else if (slot != 0) {
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

    private static int mix(long packed) {
        long h = packed * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 29));
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0x9E3779B9;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}

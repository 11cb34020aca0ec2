package rfm.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import rfm.ingest.PackedId;

/**
 * Numbers customer ids 0, 1, 2, ... in the order they are first seen, for one thread. An id that packs
 * ({@link PackedId}: up to 16 characters, all of them Latin-1, as nearly every real customer id) is kept inside the
 * table itself, in the words a row brings it in, so finding it reads one or two neighbouring cache lines: a slot is
 * three longs, the id's two words and one with its length, some bits of its hash and its number. Other ids go to a
 * plain map (correct, only slower). At a million customers the table is 48 MB.
 * <p>
 * With a {@code ConcurrentHashMap<String, ...>} a lookup read the table, the entry, the key string and its
 * bytes, and the value: four or five cache misses per row once there are more customers than fit in the cache.
 * Not thread-safe while ids are added: each kind of input row has its own index (see {@link CustomerLedger}); once
 * adding is over, {@link #indexOf} and {@link #id} only read.
 */
final class IdIndex {

    private static final int STRIDE = 3;
    private static final long INDEX_MASK = 0xFFFF_FFFFL;

    /** Per slot: two longs of characters, then (hash tag << 40 | (length + 1) << 32 | number); 0 = empty. */
    private long[] slots = new long[STRIDE << 12];
    private int inlineCount;
    private final Map<String, Integer> others = new HashMap<>();
    /** Per number: where its slot starts, or -1 - k for the k-th of {@link #otherIds}. Inline ids are not kept as strings. */
    private int[] slotOf = new int[1 << 10];
    private final List<String> otherIds = new ArrayList<>();
    private int size;

    /* peek()'s packed ids: where each one's probe starts (-1: not inline) and its head. */
    private int[] peekSlot = new int[0];
    private long[] peekHead = new long[0];

    /**
     * Makes room at once for about this many ids (a guess; more or fewer are fine), so that the table does not
     * double, and copy itself, on the way there: at a million ids the smaller tables it would go through come to
     * as much again, all of it long-lived enough to reach the old generation. Only while the index is empty.
     */
    void expect(int ids) {
        if (size > 0 || ids <= 0) {
            return;
        }
        int count = slotCount();
        while (ids * 4L > count * 3L && count < 1 << 28) {
            count <<= 1;
        }
        if (count > slotCount()) {
            slots = new long[count * STRIDE];
        }
        if (ids > slotOf.length) {
            slotOf = new int[ids];
        }
    }

    /** The id's number, given it now if it is new. */
    int add(String id) {
        return PackedId.packs(id) ? add(PackedId.word(id, 0), PackedId.word(id, 8)) : addOther(id);
    }

    /** The number of the id in these {@link PackedId} words, given it now if it is new. */
    int add(long w0, long w1) {
        int i = slotFor(w0, w1);
        if (slots[i + 2] != 0) {
            return (int) (slots[i + 2] & INDEX_MASK);
        }
        int number = newNumber(i);
        int n = PackedId.length(w0, w1);
        slots[i] = w0;
        slots[i + 1] = w1;
        slots[i + 2] = headOf(hash(w0, w1, n), n) | number;
        if (++inlineCount * 4L > slotCount() * 3L) { // at most three quarters full
            grow();
        }
        return number;
    }

    /**
     * The id's number, or -1 when it has none. Reads only, with no state of its own: once nothing is added any
     * more, several threads may ask at once (the score step's list of customers, on both cores).
     */
    int indexOf(String id) {
        if (!PackedId.packs(id)) {
            return otherIndex(id);
        }
        long meta = slots[slotFor(PackedId.word(id, 0), PackedId.word(id, 8)) + 2];
        return meta == 0 ? -1 : (int) (meta & INDEX_MASK);
    }

    /** The slot holding the id in these words, or the empty slot where it would go. */
    private int slotFor(long w0, long w1) {
        int n = PackedId.length(w0, w1);
        long hash = hash(w0, w1, n);
        return find(w0, w1, headOf(hash, n), slot(hash, slotCount()));
    }

    /**
     * For each of the first {@code count} ids, its number when the first slot its probe looks at holds it, else
     * -1 (it may still be known): a look ahead for {@link CustomerBook#prefetch}, which changes nothing. An id is
     * given as its {@link PackedId} words, or with a first word 0 when it does not pack (then -1). The slots are
     * worked out first and read after, in a loop of loads alone, so that the loads' cache misses overlap. A slot is
     * three longs, so a quarter of them straddle two cache lines: both ends of each are read, its characters and
     * its number. Returns something read, which the caller must keep (or the compiler drops the reads).
     */
    int peek(long[] words0, long[] words1, int count, int[] numbers) {
        if (peekSlot.length < count) {
            peekSlot = new int[count];
            peekHead = new long[count];
        }
        int slotCount = slotCount();
        for (int i = 0; i < count; i++) {
            long w0 = words0[i];
            if (w0 == 0) {
                peekSlot[i] = -1;
                continue;
            }
            long w1 = words1[i];
            int n = PackedId.length(w0, w1);
            long hash = hash(w0, w1, n);
            peekSlot[i] = slot(hash, slotCount);
            peekHead[i] = headOf(hash, n);
        }
        long read = 0;
        for (int i = 0; i < count; i++) {
            int slot = peekSlot[i];
            long meta = 0;
            if (slot >= 0) {
                meta = slots[slot + 2];
                read += slots[slot];
            }
            numbers[i] = meta != 0 && (meta & ~INDEX_MASK) == peekHead[i] ? (int) (meta & INDEX_MASK) : -1;
        }
        return (int) read;
    }

    /** A slot's head for an id of this hash and length: some bits of the hash, the length + 1. */
    private static long headOf(long hash, int n) {
        return (hash >>> 40) << 40 | (long) (n + 1) << 32;
    }

    /** The slot holding the packed id (characters, head, where its probe starts), or the empty slot where it would go. */
    private int find(long k0, long k1, long h, int start) {
        for (int i = start; ; i = next(i)) {
            long meta = slots[i + 2];
            if (meta == 0 || (meta & ~INDEX_MASK) == h && slots[i] == k0 && slots[i + 1] == k1) {
                return i;
            }
        }
    }

    int size() {
        return size;
    }

    /** The id numbered {@code number}. */
    String id(int number) {
        int i = slotOf[number];
        return i < 0 ? otherIds.get(-1 - i) : PackedId.text(slots[i], slots[i + 1]);
    }

    private int addOther(String id) {
        Integer known = others.get(id);
        return known != null ? known : newOther(id);
    }

    private int newOther(String id) {
        int number = newNumber(-1 - otherIds.size());
        others.put(id, number);
        otherIds.add(id);
        return number;
    }

    private int otherIndex(String id) {
        Integer known = others.get(id);
        return known == null ? -1 : known;
    }

    private int newNumber(int slot) {
        if (size == slotOf.length) {
            slotOf = Arrays.copyOf(slotOf, size * 2);
        }
        slotOf[size] = slot;
        return size++;
    }

    private int slotCount() {
        return slots.length / STRIDE;
    }

    /** Where the slot for a hash starts, in a table of {@code count} slots (a power of two). */
    private static int slot(long hash, int count) {
        return ((int) hash & (count - 1)) * STRIDE;
    }

    private int next(int i) {
        i += STRIDE;
        return i == slots.length ? 0 : i;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int count = slotCount();
        for (int j = 0; j < old.length; j += STRIDE) {
            long meta = old[j + 2];
            if (meta != 0) {
                int n = (int) ((meta >>> 32) & 0xFF) - 1;
                int i = slot(hash(old[j], old[j + 1], n), count);
                while (slots[i + 2] != 0) {
                    i = next(i);
                }
                System.arraycopy(old, j, slots, i, STRIDE);
                slotOf[(int) (meta & INDEX_MASK)] = i;
            }
        }
    }

    private static long hash(long k0, long k1, int n) {
        long h = (k0 * 0x9E3779B97F4A7C15L) ^ (k1 * 0xC2B2AE3D27D4EB4FL) ^ n;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 29);
    }
}

package rfm.measure;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The order ids seen so far, for first-row-wins duplicate detection, without a String object per id: the
 * ids' UTF-8 bytes go one after another into a growing byte array, and an open-addressing table holds where
 * each starts. About 12 bytes plus the id's length per order, against some 60 to 100 for a HashSet of
 * Strings, which at 10 million orders is the difference between about 300 MB and 1 GB.
 */
final class OrderIdSet {

    private byte[] bytes = new byte[1 << 16];
    private int used;
    /** Per slot: start in {@link #bytes} + 1 (0 = empty) and length, packed as (start + 1) << 16 | length. */
    private long[] slots = new long[1 << 12];
    private int[] hashes = new int[1 << 12];
    private int size;

    /** Adds an id; false when it was there already. */
    boolean add(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        if (b.length >= 1 << 16) {
            throw new IllegalArgumentException("order id of " + b.length + " bytes");
        }
        int hash = hash(b);
        int mask = slots.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                store(i, b, hash);
                return true;
            }
            if (hashes[i] == hash && equal(slot, b)) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    private void store(int i, byte[] b, int hash) {
        if (used + b.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + b.length));
        }
        System.arraycopy(b, 0, bytes, used, b.length);
        slots[i] = ((long) used + 1) << 16 | b.length;
        hashes[i] = hash;
        used += b.length;
        if (++size * 2 > slots.length) { // keep the table at most half full
            grow();
        }
    }

    private boolean equal(long slot, byte[] b) {
        int length = (int) (slot & 0xFFFF);
        if (length != b.length) {
            return false;
        }
        int start = (int) ((slot >>> 16) - 1);
        return Arrays.equals(bytes, start, start + length, b, 0, length);
    }

    private void grow() {
        long[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new long[oldSlots.length * 2];
        hashes = new int[oldSlots.length * 2];
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] != 0) {
                int i = oldHashes[j] & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = oldSlots[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    private static int hash(byte[] b) {
        int h = 0x9E3779B9;
        for (byte x : b) {
            h = (h ^ x) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}

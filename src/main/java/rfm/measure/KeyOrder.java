package rfm.measure;

import java.util.Arrays;

/**
 * The order of a million items by a {@code long} key each, as {@link Long#compareUnsigned} orders the keys, worked
 * out on the keys alone: a stable least-significant-byte-first radix sort of the keys and the items' indexes,
 * eight passes over two arrays of numbers (fewer where every key has the same byte), instead of a comparison sort
 * that follows a reference to every item for every comparison.
 */
final class KeyOrder {

    private KeyOrder() {
    }

    /** The indexes of the keys in ascending unsigned order; equal keys keep their order. The keys are not changed. */
    static int[] of(long[] keys) {
        int n = keys.length;
        keys = keys.clone();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long[] otherKeys = new long[n];
        int[] otherOrder = new int[n];
        int[] counts = new int[256];
        for (int shift = 0; shift < Long.SIZE; shift += Byte.SIZE) {
            Arrays.fill(counts, 0);
            for (long k : keys) {
                counts[(int) (k >>> shift) & 0xFF]++;
            }
            if (n == 0 || counts[(int) (keys[0] >>> shift) & 0xFF] == n) {
                continue; // every key has this byte: the pass would change nothing
            }
            int start = 0;
            for (int b = 0; b < 256; b++) {
                int c = counts[b];
                counts[b] = start;
                start += c;
            }
            for (int i = 0; i < n; i++) {
                long k = keys[i];
                int to = counts[(int) (k >>> shift) & 0xFF]++;
                otherKeys[to] = k;
                otherOrder[to] = order[i];
            }
            long[] k = keys;
            keys = otherKeys;
            otherKeys = k;
            int[] o = order;
            order = otherOrder;
            otherOrder = o;
        }
        return order;
    }
}

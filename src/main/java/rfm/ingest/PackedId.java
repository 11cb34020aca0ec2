package rfm.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A customer id of 1 to 16 characters, each from U+0001 to U+00FF (nearly every real id: digits, letters, dashes),
 * held in two longs instead of a string: character {@code i} is byte {@code i % 8} of word {@code i / 8}, the first
 * lowest, and the bytes past the id are zero (so its length is where the zeros start). An order or interaction row
 * keeps its customer that way ({@link OrderRow#idWord0()}), and the ledger's index of customers keeps ids in the
 * same layout, so a row's customer is found without the fold's thread reading a string the reading thread made.
 * A word 0 means no packed id: the row keeps its id as a string.
 */
public final class PackedId {

    /** The longest id that packs. */
    public static final int MAX_LENGTH = 16;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private PackedId() {
    }

    /** Whether an id packs: 1 to 16 characters, none of them U+0000 or above U+00FF. */
    public static boolean packs(String id) {
        int n = id.length();
        if (n == 0 || n > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (c == 0 || c > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** Characters {@code from} to {@code from + 7} of an id that packs, as a word holds them (0 past its end). */
    public static long word(String id, int from) {
        long w = 0;
        for (int i = from, end = Math.min(id.length(), from + 8); i < end; i++) {
            w |= (long) id.charAt(i) << ((i - from) << 3);
        }
        return w;
    }

    /**
     * Bytes {@code from} to {@code from + 7} of the id in {@code b[start, end)}, as a word holds them: the same
     * word as {@link #word(String, int)} of the id's text when every byte is ASCII (1 to 127), as the caller
     * makes sure.
     */
    public static long word(byte[] b, int start, int end, int from) {
        int at = start + from;
        int n = end - at;
        if (n <= 0) {
            return 0;
        }
        if (at + 8 <= b.length) { // one read, then the bytes past the id cut off
            long w = (long) LONGS.get(b, at);
            return n >= 8 ? w : w & ((1L << (n << 3)) - 1);
        }
        long w = 0;
        for (int i = 0; i < n && i < 8; i++) {
            w |= (long) (b[at + i] & 0xFF) << (i << 3);
        }
        return w;
    }

    /** The length of the id in these words. */
    public static int length(long w0, long w1) {
        return w1 == 0 ? 8 - (Long.numberOfLeadingZeros(w0) >>> 3) : 16 - (Long.numberOfLeadingZeros(w1) >>> 3);
    }

    /** Character {@code i} of the id in these words. */
    public static char charAt(long w0, long w1, int i) {
        return (char) (((i < 8 ? w0 : w1) >>> ((i & 7) << 3)) & 0xFF);
    }

    /** The id in these words as text. */
    public static String text(long w0, long w1) {
        int n = length(w0, w1);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) charAt(w0, w1, i);
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}

package rfm.ingest;

/**
 * An order id of 1 to 10 characters, each a digit, an ASCII letter or '-' (most exports' order ids:
 * {@code SO10000123}, {@code 2026112200042}), as one long: 6 bits a character (1 to 63), first character highest,
 * so that packed ids order as the ids do (by length, then character by character). 0 means no packed id. An order
 * row keeps its id that way ({@link OrderRow#orderCode()}), and the ledger's set of order ids keeps such ids as these
 * longs.
 */
public final class PackedOrderId {

    /** The longest id that packs. */
    public static final int MAX_LENGTH = 10;
    /** Per ASCII character, its 6-bit code (1 to 63), or 0 when it cannot be packed. */
    private static final byte[] CODE = new byte[128];
    /** Per code, its character. */
    private static final char[] CHAR = new char[64];

    static {
        int code = 1;
        for (char c = '0'; c <= '9'; c++) {
            CODE[c] = (byte) code++;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            CODE[c] = (byte) code++;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            CODE[c] = (byte) code++;
        }
        CODE['-'] = (byte) code;
        for (char c = 0; c < 128; c++) {
            if (CODE[c] != 0) {
                CHAR[CODE[c]] = c;
            }
        }
    }

    private PackedOrderId() {
    }

    /** The id packed, or 0 when it does not pack. */
    public static long pack(String id) {
        int n = id.length();
        if (n == 0 || n > MAX_LENGTH) {
            return 0;
        }
        long packed = 0;
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            long code = c < 128 ? CODE[c] : 0;
            if (code == 0) {
                return 0;
            }
            packed = packed << 6 | code;
        }
        return packed;
    }

    /** The id in {@code b[from, to)} packed, or 0 when it does not pack: the same as {@link #pack(String)} of its text. */
    public static long pack(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 0 || n > MAX_LENGTH) {
            return 0;
        }
        long packed = 0;
        for (int i = from; i < to; i++) {
            int c = b[i];
            long code = c >= 0 ? CODE[c] : 0; // bytes of 0x80 and above are negative
            if (code == 0) {
                return 0;
            }
            packed = packed << 6 | code;
        }
        return packed;
    }

    /** The number of characters of a packed id. */
    public static int length(long packed) {
        return (64 - Long.numberOfLeadingZeros(packed) + 5) / 6;
    }

    /** Character {@code i} of a packed id of {@code length} characters. */
    public static char charAt(long packed, int length, int i) {
        return CHAR[(int) (packed >>> (6 * (length - 1 - i))) & 63];
    }

    /** A packed id as text. */
    public static String text(long packed) {
        int n = length(packed);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = charAt(packed, n, i);
        }
        return new String(c);
    }
}

package rfm.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The records of a UTF-8 CSV file read straight from its bytes while its lines are plain: no quote character and
 * no carriage return but one ending the line. Such a line is one record whose fields are what lies between the
 * delimiters, which is how an RFC 4180 parser reads it too, without decoding the file into characters first or
 * going through them one at a time. At the first line that is not plain, {@link #next} answers {@link #NOT_PLAIN}
 * and {@link #rest} gives the bytes from that line on, for a full CSV parser to take over.
 *
 * <p>Bytes that are not valid UTF-8 throw {@link CharacterCodingException}, as a strict decoder would.
 */
final class PlainLines {

    /** What {@link #next} answers for a line that is not plain (nothing of it has been consumed). */
    static final String[] NOT_PLAIN = new String[0];

    private final InputStream in;
    private final byte delimiter;
    /** The delimiter in every byte of a long. */
    private final long delimiters;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private long lines;
    /** Field starts of the current line, reused. */
    private int[] starts = new int[16];
    /** Per column, the strings of values seen lately (see {@link #field}). */
    private final RepeatedValues[] repeated = new RepeatedValues[MAX_CACHED_COLUMNS];

    PlainLines(InputStream in, char delimiter) {
        if (!usable(delimiter)) {
            throw new IllegalArgumentException("not a plain delimiter: " + delimiter);
        }
        this.in = in;
        this.delimiter = (byte) delimiter;
        this.delimiters = ONES * delimiter;
    }

    /** Whether lines with this delimiter can be split as bytes: an ASCII character other than a quote or line break. */
    static boolean usable(char delimiter) {
        return delimiter < 0x80 && delimiter != '"' && delimiter != '\r' && delimiter != '\n';
    }

    /** Physical lines consumed so far. */
    long lines() {
        return lines;
    }

    /** The fields of the next line, null at the end of the file, or {@link #NOT_PLAIN}. */
    String[] next() throws IOException {
        int split = split();
        return split == LINE ? values() : split == END ? null : NOT_PLAIN;
    }

    /** What {@link #split} found: a plain line, split into its fields. */
    static final int LINE = 1;
    /** What {@link #split} found: a line that is not plain (nothing of it has been consumed). */
    static final int NOT_PLAIN_LINE = 0;
    /** What {@link #split} found: the end of the file. */
    static final int END = -1;

    /**
     * Finds the next line and, when it is plain, where its fields lie in {@link #bytes} ({@link #from}, {@link #to}),
     * without consuming it: {@link #values} or {@link #consume} do that. Anything read may move the buffer, so the
     * fields' places hold only until the next call.
     */
    int split() throws IOException {
        int end = findLineEnd();
        if (end < 0) {
            return END;
        }
        int start = pos;
        int contentEnd = end;
        if (contentEnd > start && buf[contentEnd - 1] == '\r') {
            contentEnd--;
        }
        int fields = 1;
        starts[0] = start;
        long any = 0; // the bytes ORed together: a high bit set means a byte that is not ASCII
        int i = start;
        // eight bytes at a time: a word with a quote or a carriage return is not plain; each delimiter's place is
        // taken from the exact zero-byte mask of x ^ delimiters (no borrow between bytes, so no false marks)
        for (; i <= contentEnd - Long.BYTES; i += Long.BYTES) {
            long x = (long) LONGS.get(buf, i);
            any |= x;
            if ((zeroBytes(x ^ QUOTES) | zeroBytes(x ^ RETURNS)) != 0) {
                return NOT_PLAIN_LINE;
            }
            for (long marks = zeroBytes(x ^ delimiters); marks != 0; marks &= marks - 1) {
                fieldStartsAt(fields++, i + (Long.numberOfTrailingZeros(marks) >>> 3) + 1);
            }
        }
        for (; i < contentEnd; i++) {
            byte b = buf[i];
            any |= b;
            if (b == delimiter) {
                fieldStartsAt(fields++, i + 1);
            } else if (b == '"' || b == '\r') {
                return NOT_PLAIN_LINE;
            }
        }
        this.lineEnd = end;
        this.contentEnd = contentEnd;
        this.fields = fields;
        this.ascii = (any & HIGH_BITS) == 0;
        return LINE;
    }

    /** The strings of the fields of the line {@link #split} found, which it consumes. */
    String[] values() throws CharacterCodingException {
        String[] values = new String[fields];
        for (int f = 0; f < fields; f++) {
            values[f] = field(f, from(f), to(f), ascii);
        }
        consume();
        return values;
    }

    /** Goes past the line {@link #split} found. */
    void consume() {
        pos = lineEnd < limit ? lineEnd + 1 : lineEnd;
        lines++;
    }

    /* The line split last: where it ends, its content (without a final carriage return), fields, and whether it is ASCII. */
    private int lineEnd;
    private int contentEnd;
    private int fields;
    private boolean ascii;

    /** The buffer the split line's fields lie in. */
    byte[] bytes() {
        return buf;
    }

    /** The split line's number of fields. */
    int fields() {
        return fields;
    }

    /** Where field {@code f} of the split line starts in {@link #bytes}. */
    int from(int f) {
        return starts[f];
    }

    /** Where field {@code f} of the split line ends in {@link #bytes} (exclusive). */
    int to(int f) {
        return f + 1 < fields ? starts[f + 1] - 1 : contentEnd;
    }

    /**
     * Field {@code f}'s bytes {@code from} to {@code from + 7} as {@link PackedId}'s words hold them: for an id of
     * at most {@link PackedId#MAX_LENGTH} bytes that {@link #isPlainId} accepted on an ASCII line.
     */
    long idWord(int f, int from) {
        return PackedId.word(buf, from(f), to(f), from);
    }

    /** Whether every byte of the split line is ASCII. */
    boolean ascii() {
        return ascii;
    }

    /** Bytes of the stream moved out of the buffer before its first. */
    private long dropped;

    /** Where the split line starts in the stream, counted in bytes from its first. */
    long offset() {
        return dropped + starts[0];
    }

    /*
     * The split line's fields as the parsers' byte paths read them. A field index of -1 is a column the file does
     * not have, which is empty, as SourceRecord.raw reads it.
     */

    /** Whether field {@code f} is empty. */
    boolean isEmpty(int f) {
        return f < 0 || to(f) == from(f);
    }

    /** Field {@code f}'s text, as {@link #values} would make it (the same shared strings, the same strict decoding). */
    String string(int f) throws CharacterCodingException {
        return f < 0 ? "" : field(f, from(f), to(f), ascii);
    }

    /** Whether field {@code f} is an id as it stands, as {@link SourceRecord#isPlainId} says of its text. */
    boolean isPlainId(int f, int max) {
        if (f < 0) {
            return false;
        }
        int from = from(f);
        int n = to(f) - from;
        if (n == 0 || n > max) {
            return false;
        }
        for (int i = from; i < from + n; i++) {
            byte c = buf[i];
            if (c <= ' ' || c == 0x7F) { // bytes of 0x80 and above are negative
                return false;
            }
        }
        return true;
    }

    /**
     * Whether field {@code f} is well-formed UTF-8 that {@link SourceRecord#text} would leave as it is: no control
     * character, no whitespace at either end. Such a field's bytes are those of its text encoded again.
     */
    boolean isCleanText(int f) {
        if (f < 0) {
            return true;
        }
        int to = to(f);
        int first = -1;
        int last = -1;
        for (int i = from(f); i < to; ) {
            int b = buf[i] & 0xFF;
            int n = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (n == 0 || i + n > to) {
                return false;
            }
            int cp = n == 1 ? b : b & (0x7F >> n);
            for (int k = 1; k < n; k++) {
                int c = buf[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return false;
                }
                cp = cp << 6 | c & 0x3F;
            }
            // overlong forms, surrogates and code points past U+10FFFF are not UTF-8, as a strict decoder says
            if (n == 3 && (cp < 0x800 || cp >= 0xD800 && cp <= 0xDFFF) || n == 4 && (cp < 0x10000 || cp > 0x10FFFF)
                    || Character.isISOControl(cp)) {
                return false;
            }
            first = first < 0 ? cp : first;
            last = cp;
            i += n;
        }
        return first < 0 || !Character.isWhitespace(first) && !Character.isWhitespace(last);
    }

    /** The length of field {@code f} in bytes (0 for a column the file does not have). */
    int length(int f) {
        return f < 0 ? 0 : to(f) - from(f);
    }

    /** Copies field {@code f}'s bytes to {@code to} at {@code at}; returns where they end there. */
    int copy(int f, byte[] to, int at) {
        int n = length(f);
        if (n > 0) {
            System.arraycopy(buf, from(f), to, at, n);
        }
        return at + n;
    }

    /** Whether field {@code f} is these bytes, exactly. */
    boolean is(int f, byte[] bytes) {
        return f >= 0 && Arrays.equals(buf, from(f), to(f), bytes, 0, bytes.length);
    }

    /** Whether field {@code f} is this ASCII text, exactly. */
    boolean is(int f, String ascii) {
        return f >= 0 && matches(f, ascii, false);
    }

    /** Whether field {@code f} is this ASCII text with letters in any case, as {@code String.equalsIgnoreCase} says. */
    boolean equalsIgnoreCase(int f, String ascii) {
        return f >= 0 && matches(f, ascii, true);
    }

    private boolean matches(int f, String ascii, boolean anyCase) {
        int from = from(f);
        if (to(f) - from != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            int c = ascii.charAt(i);
            int b = buf[from + i];
            int lower = c | 0x20;
            if (b != c && !(anyCase && lower >= 'a' && lower <= 'z' && (b | 0x20) == lower)) {
                return false;
            }
        }
        return true;
    }

    /** Notes where field number {@code field} of the current line starts. */
    private void fieldStartsAt(int field, int at) {
        if (field == starts.length) {
            starts = Arrays.copyOf(starts, field * 2);
        }
        starts[field] = at;
    }

    /** The columns whose repeated values are shared, counted from the first. */
    static final int MAX_CACHED_COLUMNS = 32;

    /**
     * A field's text. An empty field is the one empty string. A short value of one of the first columns is
     * looked up among that column's values seen lately, and the string made for it then is shared: exports
     * repeat a few values on row after row (currency, status, channel, region, owner, satisfaction), and ten
     * million order rows made a string and its bytes for each of them. A column whose values rarely repeat
     * stops being looked up (see {@link RepeatedValues}).
     */
    private String field(int column, int from, int to, boolean ascii) throws CharacterCodingException {
        int length = to - from;
        if (length == 0) {
            return "";
        }
        if (column >= MAX_CACHED_COLUMNS || length > RepeatedValues.MAX_LENGTH) {
            return text(from, to, ascii);
        }
        RepeatedValues values = repeated[column];
        if (values == null) {
            values = repeated[column] = new RepeatedValues();
        }
        if (!values.looking()) {
            return text(from, to, ascii);
        }
        String seen = values.find(buf, from, to);
        if (seen != null) {
            return seen;
        }
        String made = text(from, to, ascii);
        values.remember(buf, from, to, made);
        return made;
    }

    private String text(int from, int to, boolean ascii) throws CharacterCodingException {
        return ascii ? new String(buf, from, to - from, StandardCharsets.ISO_8859_1) : utf8(from, to);
    }

    /**
     * One column's values seen lately: a direct-mapped table of {@link #SLOTS} short values (their bytes and the
     * string made for them), by a hash of the bytes. After its first {@link #TRIAL} lookups a column whose values
     * were found less than a quarter of the time (ids, amounts, timestamps) is no longer looked up.
     */
    static final class RepeatedValues {

        static final int MAX_LENGTH = 48;
        static final int SLOTS = 64;
        static final int TRIAL = 4096;

        private final byte[][] bytes = new byte[SLOTS][];
        private final String[] strings = new String[SLOTS];
        private int lookups;
        private int found;
        private boolean off;
        private int slot;

        boolean looking() {
            return !off;
        }

        /**
         * The string remembered for these bytes, or null (and the slot they would go to is noted). The slot of the
         * column's last value is tried first (a column often repeats one value row after row), then the one a
         * hash of the length and three of the bytes points to: cheap to work out, and the bytes are compared anyway.
         */
        String find(byte[] b, int from, int to) {
            int n = to - from;
            boolean hit = same(bytes[slot], b, from, n);
            if (!hit) {
                int h = ((n * 31 + b[from]) * 31 + b[from + (n >> 1)]) * 31 + b[to - 1];
                slot = (h ^ h >>> 6) & (SLOTS - 1);
                hit = same(bytes[slot], b, from, n);
            }
            if (++lookups <= TRIAL) {
                if (hit) {
                    found++;
                }
                if (lookups == TRIAL && found < TRIAL / 4) {
                    off = true;
                    Arrays.fill(bytes, null);
                    Arrays.fill(strings, null);
                }
            }
            return hit ? strings[slot] : null;
        }

        private static boolean same(byte[] kept, byte[] b, int from, int n) {
            if (kept == null || kept.length != n) {
                return false;
            }
            for (int i = 0; i < n; i++) { // a plain loop: short values, and Arrays.equals is not inlined here
                if (kept[i] != b[from + i]) {
                    return false;
                }
            }
            return true;
        }

        /** Remembers the string made for bytes not found, in the slot {@link #find} noted. */
        void remember(byte[] b, int from, int to, String text) {
            if (!off) {
                bytes[slot] = Arrays.copyOfRange(b, from, to);
                strings[slot] = text;
            }
        }
    }

    private String utf8(int from, int to) throws CharacterCodingException {
        String s = new String(buf, from, to - from, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) { // a replaced bad byte, or a real U+FFFD: ask a strict decoder which
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, from, to - from));
        }
        return s;
    }

    /* findLineEnd() reads eight bytes at a time, as a little-endian long */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long QUOTES = 0x2222_2222_2222_2222L;
    private static final long RETURNS = 0x0D0D_0D0D_0D0D_0D0DL;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long LOW_BITS = 0x7F7F_7F7F_7F7F_7F7FL;

    /** The high bit of every byte of {@code v} that is zero, and of no other: no borrow crosses from byte to byte. */
    private static long zeroBytes(long v) {
        return ~(((v & LOW_BITS) + LOW_BITS) | v | LOW_BITS);
    }

    /**
     * Where the line at {@link #pos} ends: the index of its '\n', or {@link #limit} for a last line without one
     * (reading more, and moving what is left to the front, as needed); -1 at the end of the file.
     */
    private int findLineEnd() throws IOException {
        int scanned = pos;
        while (true) {
            int i = scanned;
            // eight bytes at a time: the lowest byte of x that is zero is the first '\n' (a byte above a zero byte
            // may be marked too, so only the lowest mark counts)
            for (; i <= limit - Long.BYTES; i += Long.BYTES) {
                long x = (long) LONGS.get(buf, i) ^ NEWLINES;
                long zero = (x - ONES) & ~x & HIGH_BITS;
                if (zero != 0) {
                    return i + (Long.numberOfTrailingZeros(zero) >>> 3);
                }
            }
            for (; i < limit; i++) {
                if (buf[i] == '\n') {
                    return i;
                }
            }
            if (eof) {
                return pos < limit ? limit : -1;
            }
            scanned = limit - pos;
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                dropped += pos;
                pos = 0;
            }
            if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
    }

    /** The bytes from the current line on: those read ahead, then the rest of the stream. */
    InputStream rest() {
        return new SequenceInputStream(new ByteArrayInputStream(buf, pos, limit - pos), in);
    }
}

package rfm.publish;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

import rfm.ingest.Utf8Text;

/**
 * The one CSV writer of the project: UTF-8 (optionally with a BOM for Excel/WPS), RFC 4180 quoting, CRLF.
 * Values are written as SPEC says: dates yyyy-MM-dd, booleans true/false, money with 2 decimals (half up)
 * and no thousands separator, null as empty. Strings are taken to come from the inputs: with
 * {@code neutraliseFormulas}, one that starts with = + - @ tab or CR gets a leading apostrophe so a
 * spreadsheet shows it as text instead of running it as a formula; a plain number or phone number such as
 * {@code +86 138 0000 0000} is left as it is (it can run nothing).
 * <p>
 * Quoting follows Commons CSV's {@code CSVFormat.RFC4180} (minimal quoting), which wrote these files before:
 * a field is quoted when it holds a quote, comma, CR or LF, starts with a character up to {@code #}, ends with
 * one up to a space, or is an empty first field. It is done here, straight into a buffer of UTF-8 bytes (numbers
 * and dates as digits, with no string in between), because the printer's per-value work was a sixth of writing a
 * million-row file and then the strings built per row and per number were a sixth of all the job allocated (see
 * docs/performance.md); a test checks the two against each other.
 */
public final class CsvOutput implements Closeable {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** "+86 138 0000 0000", "-12.5": a spreadsheet may read them as numbers, but they can run nothing. */
    private static final Pattern NUMBER_OR_PHONE = Pattern.compile("[+-][0-9 ()./-]*[0-9][0-9 ()./-]*");

    /** Non-ASCII strings at least this long are encoded once per string object (see {@link #encoded}). */
    private static final int CACHED_LENGTH = 8;
    private static final int ENCODED_SLOTS = 64;
    /** The epoch days written as yyyy-MM-dd by {@link #epochDay(int)} itself; others as their LocalDate. */
    private static final int FIRST_4_DIGIT_DAY = (int) LocalDate.of(1000, 1, 1).toEpochDay();
    private static final int LAST_4_DIGIT_DAY = (int) LocalDate.of(9999, 12, 31).toEpochDay();

    private final Path file;
    private final OutputStream out;
    /** Of every byte written, for {@link WrittenDigests}; null when appending to an earlier file. */
    private final MessageDigest digest;
    private boolean closed;
    private final String[] encodedText = new String[ENCODED_SLOTS];
    private final byte[][] encodedBytes = new byte[ENCODED_SLOTS][];
    /** The bytes not yet handed to the stream: whole rows, UTF-8. */
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private boolean lineStarted;
    private final boolean neutraliseFormulas;
    private final int columns;
    /** Fields written so far in the row being written field by field (see {@link #endRow}). */
    private int fieldsInRow;
    private long rows;

    private CsvOutput(Path file, List<String> header, boolean bom, boolean neutraliseFormulas, boolean append)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.file = file;
        WrittenDigests.forget(file); // until this write is done, its earlier digest is no longer the file's
        if (append) {
            this.out = Files.newOutputStream(file, StandardOpenOption.APPEND);
            this.digest = null;
        } else {
            this.out = UncachedFile.create(file);
            this.digest = DigestUtils.getSha256Digest();
        }
        if (bom && !append) {
            System.arraycopy(BOM, 0, buffer, 0, BOM.length);
            position = BOM.length;
        }
        this.neutraliseFormulas = neutraliseFormulas;
        this.columns = header.size();
        if (!append) {
            for (String name : header) {
                field(name);
            }
            endLine();
        }
    }

    public static CsvOutput create(Path file, List<String> header, boolean bom, boolean neutraliseFormulas) {
        try {
            return new CsvOutput(file, header, bom, neutraliseFormulas, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Goes on writing rows at the end of a file this class wrote before (after a restart). */
    public static CsvOutput append(Path file, List<String> header, boolean neutraliseFormulas) {
        try {
            return new CsvOutput(file, header, false, neutraliseFormulas, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Hands the rows written so far to the operating system. */
    public void flush() {
        try {
            drain();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row of values, each written by the method below for its type; it must have as many values as the header. */
    public void row(List<?> values) {
        if (values.size() != columns) { // before anything of the row is written
            throw new IllegalArgumentException("row has " + values.size() + " values for " + columns + " columns");
        }
        for (Object v : values) {
            if (v instanceof Integer || v instanceof Long) {
                number(((Number) v).longValue()); // digits and a minus sign: never quoted, never neutralised
            } else if (v instanceof Boolean b) {
                bool(b);
            } else if (v instanceof LocalDate d) {
                date(d);
            } else if (v instanceof BigDecimal money) {
                money(money);
            } else if (v instanceof Utf8Text text) {
                text(text);
            } else {
                fieldsInRow++;
                field(cell(v)); // a String (neutralised when asked), null as empty, anything else as its text
            }
        }
        endRow();
    }

    // A row field by field: each method writes one value of its type, with no list and no boxed number or date object
    // per value (a million-customer file's rows, several files a night); endRow ends the row. row(List) uses them too.

    /** A text from the inputs or the job (neutralised when asked); null is empty. */
    public CsvOutput text(String value) {
        fieldsInRow++;
        field(cell(value));
        return this;
    }

    /** A text given as its UTF-8 bytes, written as the same text as a String would be; null is empty. */
    public CsvOutput text(Utf8Text value) {
        fieldsInRow++;
        if (value == null) {
            field("");
        } else {
            utf8Field(value);
        }
        return this;
    }

    /** A number: digits and a minus sign, never quoted, never neutralised. */
    public CsvOutput number(long value) {
        fieldsInRow++;
        number0(value);
        return this;
    }

    /** An optional number kept as an int with {@code none} for null: empty when it is {@code none}. */
    public CsvOutput number(int value, int none) {
        return value == none ? empty() : number(value);
    }

    /** An optional date kept as an epoch day with {@code none} for null: empty when it is {@code none}. */
    public CsvOutput epochDay(int epochDay, int none) {
        return epochDay == none ? empty() : epochDay(epochDay);
    }

    /** An empty field (a null value). */
    public CsvOutput empty() {
        fieldsInRow++;
        field("");
        return this;
    }

    /** true or false. */
    public CsvOutput bool(boolean value) {
        fieldsInRow++;
        separator();
        ascii(value ? "true" : "false");
        return this;
    }

    /** Money with 2 decimals, half up, no thousands separator; null is empty. */
    public CsvOutput money(BigDecimal value) {
        if (value == null) {
            return empty();
        }
        fieldsInRow++;
        money0(value);
        return this;
    }

    /** A date as yyyy-MM-dd (a year outside 1000-9999 as LocalDate writes it); null is empty. */
    public CsvOutput date(LocalDate value) {
        if (value == null) {
            return empty();
        }
        fieldsInRow++;
        if (value.getYear() >= 1000 && value.getYear() <= 9999) {
            date0(value.getYear(), value.getMonthValue(), value.getDayOfMonth());
        } else {
            field(cell(value));
        }
        return this;
    }

    /** The date {@code epochDay} days after 1970-01-01, as {@link #date(LocalDate)} writes it, with no date object. */
    public CsvOutput epochDay(int epochDay) {
        // years 1000 to 9999 in LocalDate's proleptic calendar, counted from 0000-03-01 so that a year runs from March
        // and its leap day comes last (the civil-from-days arithmetic of LocalDate.ofEpochDay)
        if (epochDay < FIRST_4_DIGIT_DAY || epochDay > LAST_4_DIGIT_DAY) {
            return date(LocalDate.ofEpochDay(epochDay));
        }
        fieldsInRow++;
        int z = epochDay + 719_468; // days since 0000-03-01
        int era = z / 146_097;
        int doe = z - era * 146_097; // day of the 400-year era
        int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int mp = (5 * doy + 2) / 153; // month from March, 0 to 11
        int day = doy - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        date0(year, month, day);
        return this;
    }

    /**
     * Ends a row written field by field; it must have as many fields as the header (a row of another length is the
     * caller's mistake: it fails, and the file, whose row is written as far as it went, is not to be used).
     */
    public void endRow() {
        if (fieldsInRow != columns) {
            int n = fieldsInRow;
            fieldsInRow = 0;
            throw new IllegalArgumentException("row has " + n + " values for " + columns + " columns");
        }
        fieldsInRow = 0;
        endLine();
        rows++;
    }

    private void separator() {
        if (lineStarted) {
            put((byte) ',');
        }
        lineStarted = true;
    }

    private void field(String value) {
        boolean first = !lineStarted;
        separator();
        int n = value.length();
        // one pass for what the writing needs to know: quoting, non-ASCII, quotes to double. The quoting is Commons
        // CSV's minimal quoting (QuoteMode.MINIMAL of CSVFormat.RFC4180); an empty first field is quoted, or the
        // record would read as a blank line. The loops are methods of their own: a field has none, so that the
        // compiler compiles it once, not also by on-stack replacement at a loop (twenty-sixth pass)
        int found = scan(value, n);
        if ((found & QUOTE_CHAR) != 0) { // quotes doubled: character by character (rare in data)
            quotesDoubled(value, n);
            return;
        }
        boolean quote = n == 0 ? first : (found & QUOTED) != 0 || value.charAt(0) <= '#' || value.charAt(n - 1) <= ' ';
        if (quote) {
            put((byte) '"');
        }
        if ((found & NON_ASCII) == 0) {
            copyAscii(value, n);
        } else if (n >= CACHED_LENGTH) {
            copy(encoded(value));
        } else {
            utf8Chars(value, n);
        }
        if (quote) {
            put((byte) '"');
        }
    }

    /** What {@link #scan} finds in a text: a character beyond ASCII, a quote, a comma or line break. */
    private static final int NON_ASCII = 1;
    private static final int QUOTE_CHAR = 2;
    private static final int QUOTED = 4;

    /** The first {@code n} characters of {@code value} looked at once for what its writing needs to know. */
    private static int scan(String value, int n) {
        int found = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                found |= NON_ASCII;
            } else if (c == '"') {
                found |= QUOTE_CHAR;
            } else if (c == ',' || c == '\n' || c == '\r') {
                found |= QUOTED;
            }
        }
        return found;
    }

    /** A text with quotes in it: quoted, its quotes doubled. */
    private void quotesDoubled(String value, int n) {
        put((byte) '"');
        for (int i = 0; i < n; i++) {
            if (value.charAt(i) == '"') {
                put((byte) '"');
            }
            i = utf8(value, i);
        }
        put((byte) '"');
    }

    /** The first {@code n} characters of {@code value} as UTF-8, a character at a time. */
    private void utf8Chars(String value, int n) {
        for (int i = 0; i < n; i++) {
            i = utf8(value, i);
        }
    }

    /**
     * A text given as its UTF-8 bytes, written as {@code field(cell(text.toString()))} would write it, the bytes
     * copied as they are. The quoting looks at the same characters: every byte of a character beyond ASCII is
     * 0x80 or more, so no such byte is a quote, comma, line break or character up to {@code #}. A text with a
     * quote to double, or one to neutralise, goes the String's way (rare in data).
     */
    private void utf8Field(Utf8Text text) {
        if (text.isEmpty()) {
            field("");
            return;
        }
        byte[] b = text.bytes();
        int from = text.from();
        int to = text.to();
        int first = b[from] & 0xFF;
        boolean quote = first <= '#' || (b[to - 1] & 0xFF) <= ' ';
        if (neutraliseFormulas && (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r')) {
            field(cell(text.toString()));
            return;
        }
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '"') {
                field(cell(text.toString()));
                return;
            }
            quote |= c == ',' || c == '\n' || c == '\r';
        }
        separator();
        if (quote) {
            put((byte) '"');
        }
        copy(b, from, to - from);
        if (quote) {
            put((byte) '"');
        }
    }

    /** An ASCII string's chars are its UTF-8 bytes: copied in bulk (a Latin-1 string's bytes as they are). */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) is the copy of the low bytes that is wanted here
    private void copyAscii(String value, int n) {
        if (n <= buffer.length) {
            room(n);
            value.getBytes(0, n, buffer, position);
            position += n;
        } else {
            for (int i = 0; i < n; i++) {
                put((byte) value.charAt(i));
            }
        }
    }

    private void copy(byte[] bytes) {
        copy(bytes, 0, bytes.length);
    }

    private void copy(byte[] bytes, int from, int length) {
        if (length <= buffer.length) {
            room(length);
            System.arraycopy(bytes, from, buffer, position, length);
            position += length;
        } else {
            for (int i = from; i < from + length; i++) {
                put(bytes[i]);
            }
        }
    }

    /**
     * The UTF-8 bytes of a longer non-ASCII string, remembered by the string's identity: a file's repeated texts
     * (a task's suggested action, on hundreds of thousands of rows) are encoded once instead of once a row.
     */
    private byte[] encoded(String value) {
        int slot = System.identityHashCode(value) & (ENCODED_SLOTS - 1);
        if (encodedText[slot] != value) {
            encodedText[slot] = value;
            encodedBytes[slot] = value.getBytes(StandardCharsets.UTF_8); // a lone surrogate as '?', as utf8 writes it
        }
        return encodedBytes[slot];
    }

    /**
     * Appends the character at {@code i} as UTF-8 (a surrogate pair as one four-byte character, a lone surrogate
     * as '?', as the JDK's encoder writes it); returns the index of the last char used.
     */
    private int utf8(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x80) {
            put((byte) c);
        } else if (c < 0x800) {
            put((byte) (0xC0 | c >> 6));
            put((byte) (0x80 | c & 0x3F));
        } else if (!Character.isSurrogate(c)) {
            put((byte) (0xE0 | c >> 12));
            put((byte) (0x80 | c >> 6 & 0x3F));
            put((byte) (0x80 | c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            put((byte) (0xF0 | cp >> 18));
            put((byte) (0x80 | cp >> 12 & 0x3F));
            put((byte) (0x80 | cp >> 6 & 0x3F));
            put((byte) (0x80 | cp & 0x3F));
            return i + 1;
        } else {
            put((byte) '?');
        }
        return i;
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put((byte) s.charAt(i));
        }
    }

    private void number0(long v) {
        separator();
        if (v == Long.MIN_VALUE) {
            ascii(Long.toString(v));
            return;
        }
        if (v < 0) {
            put((byte) '-');
            v = -v;
        }
        digits(v);
    }

    /**
     * Money: 2 decimals, half up, plain digits, as {@code setScale(2, HALF_UP).toPlainString()} has it; written as
     * digits when the unscaled value fits a long (any amount of at most 16 digits before the point), with no string
     * in between.
     */
    private void money0(BigDecimal value) {
        BigDecimal m = value.setScale(2, RoundingMode.HALF_UP);
        if (m.precision() > 18) {
            field(m.toPlainString());
            return;
        }
        long cents = m.unscaledValue().longValue();
        separator();
        if (cents < 0) {
            put((byte) '-');
            cents = -cents;
        }
        digits(cents / 100);
        room(3);
        buffer[position++] = '.';
        digits((int) (cents % 100), 2);
    }

    /** A number of 0 or more in as many digits as it has. */
    private void digits(long v) {
        int digits = 1;
        for (long p = 10; digits < 19 && v >= p; p *= 10) {
            digits++;
        }
        room(digits);
        for (int i = position + digits - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        position += digits;
    }

    /** yyyy-MM-dd, as LocalDate.toString writes years 1000 to 9999. */
    private void date0(int year, int month, int day) {
        separator();
        room(10);
        digits(year, 4);
        buffer[position++] = '-';
        digits(month, 2);
        buffer[position++] = '-';
        digits(day, 2);
    }

    private void digits(int v, int width) {
        for (int i = position + width - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        position += width;
    }

    private void put(byte b) {
        if (position == buffer.length) {
            drainQuietly();
        }
        buffer[position++] = b;
    }

    private void room(int bytes) {
        if (buffer.length - position < bytes) {
            drainQuietly();
        }
    }

    private void endLine() {
        room(2);
        buffer[position++] = '\r';
        buffer[position++] = '\n';
        lineStarted = false;
    }

    private void drain() throws IOException {
        if (digest != null) {
            digest.update(buffer, 0, position);
        }
        out.write(buffer, 0, position);
        position = 0;
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Data rows written so far (the header not counted). */
    public long rows() {
        return rows;
    }

    String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof LocalDate date) {
            return date.toString();
        }
        if (v instanceof String s) {
            return neutraliseFormulas ? neutralise(s) : s;
        }
        return v.toString();
    }

    static String neutralise(String s) {
        if (!s.isEmpty()) {
            char c = s.charAt(0);
            if ((c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') && !NUMBER_OR_PHONE.matcher(s).matches()) {
                return "'" + s;
            }
        }
        return s;
    }

    @Override
    public void close() {
        if (closed) {
            return; // a second close must not record the digest of nothing
        }
        closed = true;
        try {
            try (out) {
                drain();
            }
            if (digest != null) {
                WrittenDigests.record(file, Hex.encodeHexString(digest.digest()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

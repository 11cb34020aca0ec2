package rfm.publish;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

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
 * one up to a space, or is an empty first field. It is done here, into one buffer per row, because the
 * printer's per-value work was a sixth of writing a million-row file (see docs/performance.md); a test checks
 * the two against each other.
 */
public final class CsvOutput implements Closeable {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** "+86 138 0000 0000", "-12.5": a spreadsheet may read them as numbers, but they can run nothing. */
    private static final Pattern NUMBER_OR_PHONE = Pattern.compile("[+-][0-9 ()./-]*[0-9][0-9 ()./-]*");

    private final Writer writer;
    private final StringBuilder line = new StringBuilder(256);
    private final boolean neutraliseFormulas;
    private final int columns;
    private long rows;

    private CsvOutput(Path file, List<String> header, boolean bom, boolean neutraliseFormulas, boolean append)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        OutputStream out = append ? Files.newOutputStream(file, StandardOpenOption.APPEND) : Files.newOutputStream(file);
        if (bom && !append) {
            out.write(BOM);
        }
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
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
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(List<?> values) {
        if (values.size() != columns) {
            throw new IllegalArgumentException("row has " + values.size() + " values for " + columns + " columns");
        }
        for (Object v : values) {
            field(cell(v));
        }
        endLine();
        rows++;
    }

    private void field(String value) {
        boolean first = line.isEmpty();
        if (!first) {
            line.append(',');
        }
        if (needsQuotes(value, first)) {
            line.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    line.append('"');
                }
                line.append(c);
            }
            line.append('"');
        } else {
            line.append(value);
        }
    }

    /** Commons CSV's minimal quoting (QuoteMode.MINIMAL of CSVFormat.RFC4180). */
    static boolean needsQuotes(String value, boolean firstInRecord) {
        int n = value.length();
        if (n == 0) {
            return firstInRecord; // an empty record would otherwise read as a blank line
        }
        if (value.charAt(0) <= '#') {
            return true;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '"' || c == ',') {
                return true;
            }
        }
        return value.charAt(n - 1) <= ' ';
    }

    private void endLine() {
        line.append("\r\n");
        try {
            writer.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line.setLength(0);
    }

    /** Data rows written so far (the header not counted). */
    public long rows() {
        return rows;
    }

    String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal money) {
            return money.setScale(2, RoundingMode.HALF_UP).toPlainString();
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
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

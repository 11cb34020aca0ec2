package rfm.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain line (see {@link PlainLines}) whose every field a parser's byte path has checked to be ASCII or decoded as
 * UTF-8, kept as read so that its {@link SourceRecord} can be made when a row read straight from the bytes turns out
 * to be rejected after all (a duplicate order, a future date): one array instead of the record's strings, which the
 * usual row never needs.
 */
final class PlainLineCopy {

    private final String file;
    private final long line;
    private final byte[] bytes;
    private final byte delimiter;

    /** The line {@code lines} has split, as line number {@code line} of {@code file}. */
    PlainLineCopy(String file, long line, PlainLines lines) {
        this.file = file;
        this.line = line;
        this.bytes = lines.line();
        this.delimiter = lines.delimiter();
    }

    /** The record {@link PlainLines#next} makes of the line: the texts between the delimiters. */
    SourceRecord record() {
        List<String> values = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == delimiter) {
                values.add(new String(bytes, from, i - from, StandardCharsets.UTF_8));
                from = i + 1;
            }
        }
        return new SourceRecord(file, line, values.toArray(String[]::new));
    }
}

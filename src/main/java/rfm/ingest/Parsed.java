package rfm.ingest;

/** The outcome of parsing one record: a valid row with its source, or a rejected row. */
public sealed interface Parsed<T> {

    /** The record parsed. */
    SourceRecord source();

    /**
     * A valid row. Its source is the record it was parsed from or, for a row a parser read straight from a plain
     * line's bytes, that line's number and place in its file, read again into the record only when asked for (a
     * duplicate or future-dated order's reject): the usual row never needs it.
     */
    final class Valid<T> implements Parsed<T> {

        private final T row;
        private Object source;
        private final long line;
        private final long offset;

        public Valid(SourceRecord source, T row) {
            this(source, 0, 0, row);
        }

        Valid(LineSource source, long line, long offset, T row) {
            this((Object) source, line, offset, row);
        }

        private Valid(Object source, long line, long offset, T row) {
            this.source = source;
            this.line = line;
            this.offset = offset;
            this.row = row;
        }

        @Override
        public SourceRecord source() {
            Object s = source; // read once: a record made by another thread is then at worst made again
            if (s instanceof LineSource lines) {
                s = lines.record(line, offset);
                source = s;
            }
            return (SourceRecord) s;
        }

        public T row() {
            return row;
        }

        @Override
        public String toString() {
            return "Valid[" + row + "]";
        }
    }

    record Bad<T>(SourceRecord source, RejectedRow reject) implements Parsed<T> {
    }

    /** A row a byte path read from the plain line {@code line} has split (number {@code number}), or null for none. */
    static <T> Parsed<T> fromLine(T row, LineSource source, long number, PlainLines line) {
        return row == null ? null : new Valid<>(source, number, line.offset(), row);
    }

    static <T> Parsed<T> bad(SourceRecord source, RejectReason reason, String message) {
        return new Bad<>(source, RejectedRow.of(source, reason, message));
    }

    /** A record cut off at the end of the file, or with another number of fields than the header; else null. */
    static <T> Parsed<T> badShape(SourceRecord r, int columns) {
        if (r.isTruncated()) {
            return bad(r, RejectReason.TRUNCATED_ROW, "the file ends inside a quoted field that starts on this line"
                    + " (a cut-off export?)");
        }
        if (r.size() != columns) {
            return bad(r, RejectReason.COLUMN_COUNT, "expected " + columns + " fields, found " + r.size());
        }
        return null;
    }

    /** MISSING_ID or BAD_ID for the first id field that is empty or unusable; else null. */
    static <T> Parsed<T> badIds(SourceRecord r, int maxLength, String... fieldsAndValues) {
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i + 1].isEmpty()) {
                return bad(r, RejectReason.MISSING_ID, fieldsAndValues[i] + " is empty");
            }
        }
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            String problem = SourceRecord.idProblem(fieldsAndValues[i], fieldsAndValues[i + 1], maxLength);
            if (problem != null) {
                return bad(r, RejectReason.BAD_ID, problem);
            }
        }
        return null;
    }
}

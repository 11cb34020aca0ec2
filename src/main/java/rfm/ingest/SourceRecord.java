package rfm.ingest;

import org.apache.commons.csv.CSVFormat;

/**
 * One record of an input CSV file as read: the file's name, the physical line the record starts on (the
 * header is line 1) and its fields, untrimmed.
 */
public record SourceRecord(String file, long line, String[] values) {

    /** A record of a file whose name does not matter (tests). */
    public SourceRecord(long line, String[] values) {
        this("", line, values);
    }

    private static final CSVFormat RAW = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    /** The trimmed field at a column index; empty for a column the file does not have (index -1). */
    public String value(int index) {
        if (index < 0 || index >= values.length) {
            return "";
        }
        String v = values[index];
        return v == null ? "" : v.strip();
    }

    /** The field at a column index as read, untrimmed; empty for a column the file does not have (index -1). */
    public String raw(int index) {
        if (index < 0 || index >= values.length) {
            return "";
        }
        String v = values[index];
        return v == null ? "" : v;
    }

    /** The trimmed field with control characters (line breaks, NUL, ...) replaced by spaces: text for people. */
    public String text(int index) {
        return text(raw(index));
    }

    /** A field's text as {@link #text(int)} makes it: trimmed, control characters replaced by spaces. */
    static String text(String raw) {
        String v = raw.strip();
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                StringBuilder b = new StringBuilder(v.length());
                v.chars().forEach(c -> b.append(Character.isISOControl(c) ? ' ' : (char) c));
                return b.toString().strip();
            }
        }
        return v;
    }

    /** Why an id field cannot be used as an id (too long, control characters), or null when it can. */
    public static String idProblem(String field, String id, int maxLength) {
        int n = id.length();
        boolean control = false;
        for (int i = 0; i < n; i++) { // a plain loop: this runs for two ids of every order row
            control |= Character.isISOControl(id.charAt(i));
        }
        if (n > maxLength && id.codePointCount(0, n) > maxLength) {
            return field + " is longer than " + maxLength + " characters";
        }
        if (control) {
            return field + " contains control characters";
        }
        return null;
    }

    /**
     * Whether a field is an id as it stands: non-empty, at most {@code max} characters, all printable ASCII and no
     * space, so that there is nothing to trim or refuse (the parsers' fast paths).
     */
    static boolean isPlainId(String s, int max) {
        int n = s.length();
        if (n == 0 || n > max) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** The record the file ended inside of: a quoted field opened on {@code line} and never closed. */
    public static SourceRecord truncated(String file, long line) {
        return new SourceRecord(file, line, new String[0]);
    }

    public boolean isTruncated() {
        return values.length == 0;
    }

    public int size() {
        return values.length;
    }

    /** The record as CSV text again (fields re-quoted where needed), for reject files. */
    public String raw() {
        return RAW.format((Object[]) values);
    }
}

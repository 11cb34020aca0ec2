package rfm.ingest;

import java.nio.charset.StandardCharsets;

/**
 * A text kept as UTF-8 bytes, a part of an array that holds it: for a writer that copies the bytes as they are
 * (rfm.publish.CsvOutput) instead of having them decoded into a String and encoding that again. A million
 * customers' names, phones and e-mails are written to several files a night. {@link #toString()} is the text.
 */
public final class Utf8Text {

    private final byte[] bytes;
    private final int from;
    private final int to;

    /** The bytes {@code from} (inclusive) {@code to} (exclusive) of {@code bytes}: well-formed UTF-8, not copied. */
    public Utf8Text(byte[] bytes, int from, int to) {
        if (from < 0 || to < from || to > bytes.length) {
            throw new IndexOutOfBoundsException("bytes " + from + " to " + to + " of " + bytes.length);
        }
        this.bytes = bytes;
        this.from = from;
        this.to = to;
    }

    /** The array holding the text; not to be changed. */
    public byte[] bytes() {
        return bytes;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    public boolean isEmpty() {
        return from == to;
    }

    @Override
    public String toString() {
        return isEmpty() ? "" : new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}

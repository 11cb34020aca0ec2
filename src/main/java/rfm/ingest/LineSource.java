package rfm.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The records of an input file's plain lines, read again from the file when asked for: the source of a row that a
 * parser's byte path read (see {@link PlainLineParser}). Such a row keeps only its line's number and where the line
 * starts; the record is made only for the rare row rejected after parsing (a duplicate order, a future date), and
 * ten million usual rows keep no copy of their lines. The file is read a window at a time, and rejects come in file
 * order, so a file with many of them is read about once more. The file must not change during the run, which a
 * restart assumes too; one replaced by another (another identity) or cut short fails the run instead of giving a reject
 * another line's text.
 */
final class LineSource {

    private static final int WINDOW = 1 << 16;

    private final Path path;
    private final String fileName;
    private final byte delimiter;
    /** Where the stream the lines were counted in starts in the file: after a byte order mark. */
    private final long start;
    private byte[] window = new byte[0];
    private long windowAt;
    /** Whether the window holds the file up to its end. */
    private boolean windowToEnd;

    /** The file's identity (device and inode) when it was opened for reading, or null where the system has none. */
    private final Object fileKey;

    LineSource(Path path, String fileName, char delimiter, long start, Object fileKey) {
        this.path = path;
        this.fileName = fileName;
        this.delimiter = (byte) delimiter;
        this.start = start;
        this.fileKey = fileKey;
    }

    /** The record of the plain line numbered {@code line} that starts {@code offset} bytes into the stream. */
    synchronized SourceRecord record(long line, long offset) {
        long at = start + offset;
        int from = at >= windowAt && at - windowAt < window.length ? (int) (at - windowAt) : -1;
        int end = from < 0 ? -1 : lineEnd(from);
        if (end < 0) {
            read(at);
            from = 0;
            end = lineEnd(0);
        }
        if (end > from && window[end - 1] == '\r') {
            end--;
        }
        List<String> values = new ArrayList<>();
        for (int i = from, f = from; i <= end; i++) {
            if (i == end || window[i] == delimiter) {
                values.add(new String(window, f, i - f, StandardCharsets.UTF_8));
                f = i + 1;
            }
        }
        return new SourceRecord(fileName, line, values.toArray(String[]::new));
    }

    /** Where the line starting at {@code from} ends in the window ('\n' or the file's end), or -1 if the window ends first. */
    private int lineEnd(int from) {
        for (int i = from; i < window.length; i++) {
            if (window[i] == '\n') {
                return i;
            }
        }
        return windowToEnd ? window.length : -1;
    }

    /** Reads a window from {@code at}, long enough to hold the line that starts there. */
    private void read(long at) {
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            if (fileKey != null && !fileKey.equals(key) || at >= file.size()) {
                throw new BadInputException(fileName + " was replaced or cut short while the run read it; a reject's"
                        + " line cannot be read again. Let the export finish (write it under another name, then rename"
                        + " it) and run again.");
            }
            for (int size = WINDOW; ; size *= 2) { // twice as long while the line is longer
                ByteBuffer b = ByteBuffer.allocate(size);
                while (b.hasRemaining() && file.read(b, at + b.position()) >= 0) {
                    // until the window is full or the file ends
                }
                window = Arrays.copyOf(b.array(), b.position());
                windowAt = at;
                windowToEnd = b.hasRemaining();
                if (lineEnd(0) >= 0) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ": cannot read a line again for its reject: " + e.getMessage(), e);
        }
    }
}

package rfm.publish;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import rfm.ingest.RejectedRow;

/** {@code rejects/<input>.csv}: every row of an input file that was not used, with its line and why. Created on the first reject. */
public final class RejectsFile implements Closeable {

    public static final List<String> COLUMNS = List.of("line", "reason", "message", "raw");

    private final Path file;
    private final boolean bom;
    private CsvOutput out;

    public RejectsFile(Path file, boolean bom) {
        this.file = file;
        this.bom = bom;
    }

    public void write(RejectedRow row) {
        if (out == null) {
            out = Files.exists(file) ? CsvOutput.append(file, COLUMNS, true) : CsvOutput.create(file, COLUMNS, bom, true);
        }
        out.row(List.of(row.line(), row.reason().name(), row.message(), row.raw()));
    }

    /** Hands what was written to the operating system; returns the file's length (0 while there is no file). */
    public long flush() {
        if (out != null) {
            out.flush();
        }
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a restart: keeps the first {@code length} bytes (what the last committed chunk had written). */
    public void truncateTo(long length) {
        close();
        try {
            if (length == 0) {
                Files.deleteIfExists(file);
            } else if (Files.exists(file)) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(length);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}

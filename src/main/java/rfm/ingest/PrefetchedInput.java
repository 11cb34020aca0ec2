package rfm.ingest;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads the records of a {@link CsvInput} ahead, on a thread of its own, in blocks, so that CSV parsing and
 * decoding run beside the work done on each record. Records come out in file order, exactly as
 * {@link CsvInput#next()} gives them; an error while reading comes out where it happened, after every
 * record before it. The file's digest is complete once the last record has been taken.
 */
public final class PrefetchedInput implements AutoCloseable {

    private static final int BLOCK = 512;
    private static final SourceRecord[] END = new SourceRecord[0];

    private final CsvInput in;
    private final BlockingQueue<Object> blocks = new ArrayBlockingQueue<>(8);
    private final Thread reader;
    private volatile boolean closed;
    private SourceRecord[] block = new SourceRecord[0];
    private int next;
    private boolean ended;

    public PrefetchedInput(CsvInput in) {
        this.in = in;
        this.reader = new Thread(this::readAhead, "read-" + in.fileName());
        reader.setDaemon(true);
        reader.start();
    }

    private void readAhead() {
        try {
            while (!closed) {
                SourceRecord[] b = new SourceRecord[BLOCK];
                int n = 0;
                SourceRecord r = null;
                Throwable failed = null;
                try {
                    while (n < BLOCK && (r = in.next()) != null) {
                        b[n++] = r;
                    }
                } catch (RuntimeException | Error e) {
                    failed = e;
                }
                if (n > 0) { // the records before a failure come out first
                    blocks.put(n == BLOCK ? b : Arrays.copyOf(b, n));
                }
                if (failed != null) {
                    blocks.put(failed);
                    return;
                }
                if (r == null) {
                    blocks.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed while waiting for room
        }
    }

    public String fileName() {
        return in.fileName();
    }

    public Header header() {
        return in.header();
    }

    /** The next non-blank record, or null at the end of the file; throws what reading threw, in its place. */
    public SourceRecord next() {
        while (next == block.length) {
            if (ended) {
                return null;
            }
            Object taken;
            try {
                taken = blocks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + in.fileName(), e);
            }
            if (taken instanceof RuntimeException e) {
                ended = true;
                throw e;
            }
            if (taken instanceof Error e) {
                ended = true;
                throw e;
            }
            block = (SourceRecord[]) taken;
            next = 0;
            if (block == END) {
                ended = true;
                return null;
            }
        }
        return block[next++];
    }

    /** SHA-256 of the file's bytes, hex; complete once {@link #next()} has returned null. */
    public String sha256Hex() {
        return in.sha256Hex();
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        blocks.clear(); // a reader waiting for room sees the interrupt, or finds room and stops at the flag
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        in.close();
    }
}

package rfm.ingest;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Reads the records of a {@link CsvInput} ahead, on a thread of its own, in blocks, and makes each into what
 * its {@code parse} function gives (a {@link Parsed} row for an ingest step), so that CSV splitting, decoding
 * and parsing run beside the work done with each row. Rows come out in file order, one per record as
 * {@link CsvInput#next()} gives them; an error while reading or parsing comes out where it happened, after every
 * row before it. The file's digest is complete once the last row has been taken.
 *
 * @param <T> what a record is made into
 */
public final class PrefetchedInput<T> implements AutoCloseable {

    private static final int BLOCK = 512;
    /**
     * Blocks read ahead at most: room for the reader to go on while the step's thread folds the rows before them.
     * The step takes rows from here as it folds them (see rfm.job.ParsedBlock), so this need not hold a chunk.
     */
    private static final int BLOCKS_AHEAD = 16;
    /**
     * Characters a block holds at most, as the file's first records measure them: wide records (a customers.csv
     * with long notes) come in smaller blocks, so that the read-ahead stays near {@code BLOCKS_AHEAD} times this.
     */
    static final long BLOCK_CHARS = 512 * 1024;
    private static final Object[] END = new Object[0];

    private final CsvInput in;
    private final Function<SourceRecord, ? extends T> parse;
    /** Reads the usual rows from their plain lines' bytes; null: every row from its record. */
    private final PlainLineParser<? extends T> lines;
    private final BlockingQueue<Object> blocks = new ArrayBlockingQueue<>(BLOCKS_AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private Object[] block = new Object[0];
    private int next;
    private boolean ended;

    /**
     * Starts reading ahead.
     *
     * @param parse called on the reading thread only, once per record, in file order
     */
    public PrefetchedInput(CsvInput in, Function<SourceRecord, ? extends T> parse) {
        this(in, parse, null);
    }

    private PrefetchedInput(CsvInput in, Function<SourceRecord, ? extends T> parse, PlainLineParser<? extends T> lines) {
        this.in = in;
        this.parse = parse;
        this.lines = lines;
        this.reader = new Thread(this::readAhead, "read-" + in.fileName());
        reader.setDaemon(true);
        reader.start();
    }

    /** An input file's rows, read ahead: after the first block, the usual rows straight from their lines' bytes when the parser can. */
    public static PrefetchedInput<Parsed<?>> rows(CsvInput in, RowParser parser) {
        return new PrefetchedInput<>(in, parser, parser.lines());
    }

    /** The records themselves, read ahead. */
    public static PrefetchedInput<SourceRecord> records(CsvInput in) {
        return new PrefetchedInput<>(in, Function.identity());
    }

    private void readAhead() {
        try {
            int blockSize = BLOCK;
            boolean first = true;
            while (!closed) {
                Object[] b = new Object[blockSize];
                Block filled = fill(b, first);
                int n = filled.rows();
                if (n > 0) { // the records before a failure come out first
                    blocks.put(n == b.length ? b : Arrays.copyOf(b, n));
                }
                if (first && n > 0) {
                    first = false;
                    blockSize = blockSize(filled.chars(), n);
                }
                if (filled.failed() != null) {
                    blocks.put(filled.failed());
                    return;
                }
                if (n < b.length) {
                    blocks.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed while waiting for room
        }
    }

    /** A block as {@link #fill} left it: its rows, their characters (when counted), and the failure that ended it. */
    private record Block(int rows, long chars, Throwable failed) {
    }

    /**
     * Fills {@code b} with what the next records are made into: fewer rows than it holds only at the end of the
     * file or at a failure. A method of its own, called once a block, rather than a loop inside {@link #readAhead},
     * which runs once a file: when the compiled code of the reading is thrown away (the first file to end takes a
     * branch it had never taken, and the other files' readers share that code) the next block starts in the code
     * compiled before, where a loop running since the file's start would go on in the interpreter until compiled
     * again (about a second of every other reader's time).
     */
    private Block fill(Object[] b, boolean countChars) {
        int n = 0;
        long chars = 0;
        try {
            if (countChars || lines == null) {
                for (SourceRecord r; n < b.length && (r = in.next()) != null; n++) {
                    if (countChars) {
                        chars += chars(r);
                    }
                    b[n] = parse.apply(r); // n counts the row only once it is made: not one that failed
                }
            } else {
                for (T row; n < b.length && (row = in.next(lines, parse)) != null; n++) {
                    b[n] = row;
                }
            }
        } catch (RuntimeException | Error e) {
            return new Block(n, chars, e);
        }
        return new Block(n, chars, null);
    }

    /** Records a block holds when its records are about {@code chars / records} characters each: 16 to 512. */
    static int blockSize(long chars, int records) {
        long perRecord = Math.max(1, chars / records);
        return (int) Math.max(16, Math.min(BLOCK, BLOCK_CHARS / perRecord));
    }

    private static long chars(SourceRecord r) {
        long chars = 0;
        for (String v : r.values()) {
            chars += v == null ? 0 : v.length();
        }
        return chars;
    }

    public String fileName() {
        return in.fileName();
    }

    public Header header() {
        return in.header();
    }

    /** What the next non-blank record was made into, or null at the end of the file; throws what reading threw, in its place. */
    @SuppressWarnings("unchecked")
    public T next() {
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
            block = (Object[]) taken;
            next = 0;
            if (block == END) {
                ended = true;
                return null;
            }
        }
        return (T) block[next++];
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

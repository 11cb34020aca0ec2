package rfm.job;

import rfm.ingest.Parsed;

/**
 * The item of an ingest step: the next records of one file, as many as a chunk commits at once (fewer at the file's
 * end), each parsed into a valid or a bad row, in file order. Spring Batch's per-item work (reading and writing each
 * item through its observations and listeners) then runs once per block instead of once per row.
 *
 * <p>The block holds its first row only; the step's writer takes the others from the reader as it folds them
 * ({@link #next}). A block read whole before the write kept every row of the chunk alive until its end, beside
 * the rows read ahead for the next one, and every young collection during ingest copied them all (see
 * docs/performance.md, fourteenth pass). Reading and writing run on the step's thread, so the reader's position
 * at the chunk's commit is still the end of the block.
 */
final class ParsedBlock {

    private final String file;
    private final InputFileReader reader;
    private Parsed<?> first;
    private int left;

    /** A block of at most {@code size} rows starting with {@code first}, the rest to be taken from {@code reader}. */
    ParsedBlock(String file, Parsed<?> first, int size, InputFileReader reader) {
        this.file = file;
        this.first = first;
        this.left = size;
        this.reader = reader;
    }

    String file() {
        return file;
    }

    /** The block's next row, or null once it has given them all (its size, or up to its file's end). */
    Parsed<?> next() {
        if (left == 0) {
            return null;
        }
        Parsed<?> row = first;
        if (row != null) {
            first = null;
        } else {
            row = reader.take();
        }
        left = row == null ? 0 : left - 1;
        return row;
    }
}

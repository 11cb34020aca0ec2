package rfm.job;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import rfm.ingest.Header;
import rfm.ingest.CsvInput;
import rfm.ingest.FileCounts;
import rfm.ingest.InputFile;
import rfm.ingest.Parsed;
import rfm.ingest.PrefetchedInput;

/**
 * Reads the rows of one input for an ingest step: every file the input's name or glob matches, in name order,
 * each record parsed into a valid or a bad row, in blocks of up to {@code blockSize} rows of one file (the step's
 * items; see {@link ParsedBlock}). Reading and parsing run ahead on a thread of their own ({@link PrefetchedInput}),
 * beside the step's thread, which folds the rows. An optional input with no file reads as empty.
 */
class InputFileReader implements ItemStreamReader<ParsedBlock> {

    private final IngestRun current;
    private final InputFile file;
    private final int blockSize;
    private final Map<String, Header> headers = new HashMap<>();
    private List<Path> files;
    private int fileIndex;
    private long recordsInFile;
    private long skipRecords;
    private PrefetchedInput<Parsed<?>> in;
    /** The open file's counts. */
    private FileCounts counts;
    private boolean faultArmed;

    InputFileReader(IngestRun current, InputFile file, int blockSize) {
        this.current = current;
        this.file = file;
        this.blockSize = blockSize;
    }

    /** Nothing to do: the step's {@link IngestCheckpoint} opens first and calls {@link #reset()}, then positions it. */
    @Override
    public void open(ExecutionContext context) {
    }

    /** Back to the first record of the first file. */
    void reset() {
        headers.clear();
        files = current.get().inputFiles(file);
        fileIndex = 0;
        recordsInFile = 0;
        skipRecords = 0;
        in = null;
        faultArmed = System.getProperty(FaultInjection.PROPERTY) != null; // looked up once, not on every row
    }

    /** After a restart: go on after the given number of records of the given file (0-based index). */
    void resumeAt(int file, long records) {
        fileIndex = file;
        skipRecords = records;
    }

    /** After a restart of a step that had finished: nothing is left to read. */
    void finished() {
        fileIndex = files.size();
    }

    /** Rows a block holds at most: a chunk's. */
    int blockSize() {
        return blockSize;
    }

    int fileIndex() {
        return fileIndex;
    }

    long recordsInFile() {
        return recordsInFile;
    }

    /** The header of a file this reader has opened. */
    Header header(String fileName) {
        return headers.get(fileName);
    }

    /**
     * The next block of rows of one file, or null when every file has been read. The block holds its first row;
     * the step's writer takes the others with {@link ParsedBlock#next()}.
     */
    @Override
    public ParsedBlock read() {
        while (true) {
            if (in == null) {
                if (fileIndex >= files.size()) {
                    return null;
                }
                open();
            }
            String fileName = in.fileName();
            Parsed<?> first = take(); // a block never spans two files
            if (first != null) {
                return new ParsedBlock(fileName, first, blockSize, this);
            }
        }
    }

    /**
     * The open file's next row, or null at its end, when the file is finished and the next one is to be opened.
     * A block stops taking at its file's end, so a file is open whenever this is called.
     */
    Parsed<?> take() {
        Parsed<?> r = in.next();
        if (r == null) {
            finishFile();
            return null;
        }
        recordsInFile++;
        if (faultArmed) {
            FaultInjection.check(r.source());
        }
        counts.read();
        return r;
    }

    private void open() {
        CsvInput csv = current.get().openInput(file, files.get(fileIndex));
        in = PrefetchedInput.rows(csv, file.parser(csv.header(), current.get().job().ingestSettings(file)));
        headers.put(in.fileName(), in.header());
        counts = current.get().counts(in.fileName());
        recordsInFile = 0;
        for (; skipRecords > 0; skipRecords--) { // records the failed run had already committed
            if (in.next() == null) {
                throw new IllegalStateException(in.fileName() + " is shorter than when the run failed");
            }
            recordsInFile++;
        }
    }

    private void finishFile() {
        counts.sha256(in.sha256Hex());
        in.close();
        in = null;
        fileIndex++;
        recordsInFile = 0;
    }

    @Override
    public void close() {
        if (in != null) {
            in.close();
            in = null;
        }
    }
}

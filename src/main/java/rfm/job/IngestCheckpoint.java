package rfm.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

import rfm.ingest.FileCounts;
import rfm.ingest.InputFile;

/**
 * Makes an ingest step resumable although the ledger lives in memory. At every chunk commit Spring Batch
 * saves, in the step's execution context, where the reader is, how long the journal and the rejects files
 * are, and the row counts. When a failed run is started again, the step replays its journal up to that
 * point, cuts off what was written after it, and reads on from the saved position; a step that had finished
 * replays its whole journal and reads nothing. If an input file changed in between, the step starts over.
 */
class IngestCheckpoint implements ItemStream, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(IngestCheckpoint.class);
    private static final String JOURNAL_LENGTH = "journal.length";
    private static final String FILE_INDEX = "reader.file";
    private static final String RECORDS = "reader.records";

    private final IngestRun current;
    private final InputFile input;
    private final InputFileReader reader;
    private IngestJournal journal;
    /** Rows read and bad rows of the input before this execution read on (restored after a restart). */
    private long readBefore;
    private long badBefore;

    IngestCheckpoint(IngestRun current, InputFile input, InputFileReader reader) {
        this.current = current;
        this.input = input;
        this.reader = reader;
    }

    private Path journalFile() {
        return current.get().journalFolder().resolve(input.name().toLowerCase() + ".journal");
    }

    private Path doneFile() {
        return current.get().journalFolder().resolve(input.name().toLowerCase() + ".done");
    }

    /** Name, size and modification time of every file of the input, in reading order. */
    private String fingerprint() {
        StringBuilder b = new StringBuilder();
        for (Path p : current.get().inputFiles(input)) {
            try {
                b.append(p.getFileName()).append(':').append(Files.size(p)).append(':')
                        .append(Files.getLastModifiedTime(p).toMillis()).append(';');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b.toString();
    }

    @Override
    public void open(ExecutionContext context) {
        openJournal(context);
        readBefore = rowsRead();
        badBefore = badRows();
    }

    private void openJournal(ExecutionContext context) {
        current.resolve();
        reader.reset();
        String fingerprint = fingerprint();
        Properties done = Files.exists(doneFile()) ? load(doneFile()) : null;
        if (done != null && done.getProperty(JOURNAL_LENGTH) == null) {
            log.warn("{}: {} is incomplete (cut off by a crash?) and is ignored", input.fileName(), doneFile().getFileName());
            done = null;
        }
        if (done != null && fingerprint.equals(IngestJournal.fingerprintOf(journalFile()))) {
            journal = IngestJournal.resume(journalFile(), Long.parseLong(done.getProperty(JOURNAL_LENGTH)), current.get().ledger());
            if (journal != null) {
                restoreCounts(done::getProperty);
                reader.finished();
                log.info("{}: read before this restart; {} replayed from its journal", input.fileName(), doneFile().getFileName());
                return;
            }
        }
        if (context.containsKey(JOURNAL_LENGTH) && fingerprint.equals(IngestJournal.fingerprintOf(journalFile()))) {
            journal = IngestJournal.resume(journalFile(), context.getLong(JOURNAL_LENGTH), current.get().ledger());
            if (journal != null) {
                restoreCounts(key -> context.containsKey(key) ? context.getString(key) : null);
                int file = context.getInt(FILE_INDEX);
                long records = context.getLong(RECORDS);
                reader.resumeAt(file, records);
                log.info("{}: resuming after record {} of file {} (journal replayed)", input.fileName(), records, file + 1);
                return;
            }
        }
        if (context.containsKey(JOURNAL_LENGTH)) {
            log.info("{}: the input changed since the failed run, or its journal is incomplete: reading it again from the start",
                    input.fileName());
        }
        for (FileCounts f : countsOfInput()) {
            current.get().rejectsFile(f.file()).truncateTo(0);
        }
        try {
            Files.deleteIfExists(doneFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        journal = IngestJournal.create(journalFile(), fingerprint);
    }

    private void restoreCounts(java.util.function.Function<String, String> saved) {
        for (FileCounts f : countsOfInput()) {
            String snapshot = saved.apply("counts." + f.file());
            if (snapshot != null) {
                f.restore(snapshot);
            }
            String length = saved.apply("rejects." + f.file());
            current.get().rejectsFile(f.file()).truncateTo(length == null ? 0 : Long.parseLong(length));
        }
    }

    private List<FileCounts> countsOfInput() {
        List<FileCounts> mine = new ArrayList<>();
        for (FileCounts f : current.get().allCounts()) {
            if (f.input() == input && f.present()) {
                mine.add(f);
            }
        }
        return mine;
    }

    private long rowsRead() {
        return countsOfInput().stream().mapToLong(FileCounts::rowsRead).sum();
    }

    private long badRows() {
        return countsOfInput().stream().mapToLong(FileCounts::badRows).sum();
    }

    IngestJournal journal() {
        return journal;
    }

    @Override
    public void update(ExecutionContext context) {
        current.get().flushRejects(input);
        context.putLong(JOURNAL_LENGTH, journal.flush());
        context.putInt(FILE_INDEX, reader.fileIndex());
        context.putLong(RECORDS, reader.recordsInFile());
        for (FileCounts f : countsOfInput()) {
            context.putString("counts." + f.file(), f.snapshot());
            context.putString("rejects." + f.file(), Long.toString(current.get().rejectsFile(f.file()).flush()));
        }
    }

    /**
     * The step's items are blocks of rows (see {@link ParsedBlock}): its read, write and skip counts are set to
     * the rows, valid rows and bad rows this execution read, as the log line and the metrics report them.
     */
    @Override
    public ExitStatus afterStep(StepExecution step) {
        long read = rowsRead() - readBefore;
        long bad = badRows() - badBefore;
        step.setReadCount(read);
        step.setWriteCount(read - bad);
        step.setProcessSkipCount(bad);
        if (step.getStatus() == BatchStatus.COMPLETED && input == InputFile.ORDERS) {
            current.get().ledger().ordersComplete();
        }
        if (step.getStatus() == BatchStatus.COMPLETED && journal != null) {
            Properties done = new Properties();
            try {
                done.setProperty(JOURNAL_LENGTH, Long.toString(Files.size(journalFile()))); // flushed at the last commit
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (FileCounts f : countsOfInput()) {
                done.setProperty("counts." + f.file(), f.snapshot());
                done.setProperty("rejects." + f.file(), Long.toString(current.get().rejectsFile(f.file()).flush()));
            }
            // whole or not at all: a crash while writing must not leave a cut-off file that a restart trusts
            Path partial = doneFile().resolveSibling(doneFile().getFileName() + ".partial");
            try {
                try (var out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    done.store(out, "finished ingest step of " + input.fileName());
                }
                Files.move(partial, doneFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return step.getExitStatus();
    }

    @Override
    public void close() {
        if (journal != null) {
            journal.close();
        }
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}

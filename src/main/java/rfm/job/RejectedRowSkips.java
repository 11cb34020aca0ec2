package rfm.job;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.step.skip.SkipPolicy;

import rfm.ingest.InputFile;
import rfm.ingest.Parsed;
import rfm.ingest.SourceRecord;

/**
 * Spring Batch skip policy and listener for bad rows: a {@link RowRejectedException} is always skipped (the
 * reject limit is checked once the whole file is read, in checkRejects) and the row goes to the rejects file.
 * Any other exception fails the step.
 */
class RejectedRowSkips implements SkipPolicy, SkipListener<SourceRecord, Parsed.Valid<?>> {

    private final IngestRun current;
    private final InputFile input;
    private final InputFileReader reader;
    private final IngestCheckpoint checkpoint;

    RejectedRowSkips(IngestRun current, InputFile input, InputFileReader reader, IngestCheckpoint checkpoint) {
        this.current = current;
        this.input = input;
        this.reader = reader;
        this.checkpoint = checkpoint;
    }

    @Override
    public boolean shouldSkip(Throwable t, long skipCount) {
        return t instanceof RowRejectedException;
    }

    @Override
    public void onSkipInProcess(SourceRecord item, Throwable t) {
        current.get().reject(((RowRejectedException) t).row());
        if (input == InputFile.CUSTOMERS && !item.isTruncated()) {
            String id = item.value(reader.header(item.file()).index("customer_id"));
            if (!id.isEmpty()) {
                current.get().ledger().profileRejected(id);
                checkpoint.journal().profileRejected(id);
            }
        }
    }
}

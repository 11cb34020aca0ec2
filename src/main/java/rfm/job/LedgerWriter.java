package rfm.job;

import java.io.IOException;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import rfm.ingest.CustomerProfile;
import rfm.ingest.FileCounts;
import rfm.ingest.InputFile;
import rfm.ingest.InteractionRow;
import rfm.ingest.OrderRow;
import rfm.ingest.Parsed;
import rfm.ingest.RejectReason;
import rfm.ingest.RejectedRow;
import rfm.ingest.SourceRecord;
import rfm.measure.CustomerLedger;

/**
 * Folds the parsed rows of a block: valid rows go into the ledger, and into the step's journal so a restart
 * can rebuild the ledger; bad rows and duplicate or future-dated orders go to {@code rejects/<file>.csv}.
 * A bad customers.csv row still marks its customer (see {@link CustomerLedger#profileRejected}).
 */
class LedgerWriter implements ItemStreamWriter<ParsedBlock> {

    /** Rows prefetched for at a time, before they are added. */
    private static final int AHEAD = 16;

    private final IngestRun current;
    private final InputFile input;
    private final InputFileReader reader;
    private final IngestCheckpoint checkpoint;
    /** What the prefetching read, kept so that the compiler keeps the reads. */
    private int prefetched;
    /** The customers of the valid rows of the group being prefetched. */
    private final String[] customers = new String[AHEAD];

    LedgerWriter(IngestRun current, InputFile input, InputFileReader reader, IngestCheckpoint checkpoint) {
        this.current = current;
        this.input = input;
        this.reader = reader;
        this.checkpoint = checkpoint;
    }

    @Override
    public void write(Chunk<? extends ParsedBlock> chunk) throws IOException {
        for (ParsedBlock block : chunk) {
            write(block);
        }
        current.get().flushRejects(input);
    }

    private void write(ParsedBlock block) throws IOException {
        CustomerLedger ledger = current.get().ledger();
        IngestJournal journal = checkpoint.journal();
        FileCounts counts = current.get().counts(block.file());
        List<Parsed<?>> rows = block.rows();
        for (int from = 0; from < rows.size(); from += AHEAD) {
            int to = Math.min(rows.size(), from + AHEAD);
            if (input != InputFile.CUSTOMERS) { // a profile touches no book
                prefetch(rows, from, to, ledger);
            }
            for (int k = from; k < to; k++) {
                fold(rows.get(k), ledger, journal, counts);
            }
        }
    }

    /**
     * Has the ledger read what the next rows' customers will touch, all of them before any is added (see
     * {@link CustomerLedger#prefetchOrders}): at a million customers nearly every row's customer is a cache miss,
     * and these reads wait for their misses together.
     */
    private void prefetch(List<Parsed<?>> rows, int from, int to, CustomerLedger ledger) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (rows.get(k) instanceof Parsed.Valid<?> valid) {
                customers[n++] = valid.row() instanceof OrderRow order ? order.customerId()
                        : ((InteractionRow) valid.row()).customerId();
            }
        }
        if (n > 0) {
            prefetched += input == InputFile.ORDERS ? ledger.prefetchOrders(customers, n)
                    : ledger.prefetchInteractions(customers, n);
        }
    }

    private void fold(Parsed<?> parsed, CustomerLedger ledger, IngestJournal journal, FileCounts counts)
            throws IOException {
        if (parsed instanceof Parsed.Bad<?> bad) {
            rejected(bad, ledger, journal);
            return;
        }
        Parsed.Valid<?> valid = (Parsed.Valid<?>) parsed;
        Object row = valid.row();
        if (row instanceof OrderRow order) {
            journal.order(order);
            switch (ledger.add(order)) {
                case COUNTED -> counts.used();
                case NOT_COUNTED_STATUS -> counts.notCountedStatus();
                case DUPLICATE -> current.get().reject(RejectedRow.of(valid.source(), RejectReason.DUPLICATE_ORDER,
                        "order_id " + order.orderId() + " was seen on an earlier line; the first row counts"));
                case FUTURE_DATED -> current.get().reject(RejectedRow.of(valid.source(), RejectReason.FUTURE_DATE,
                        "order_date " + order.orderDate() + " is after the as-of date " + current.get().asOf()));
            }
        } else if (row instanceof InteractionRow interaction) {
            journal.interaction(interaction);
            switch (ledger.add(interaction)) {
                case USED -> counts.used();
                case AFTER_AS_OF -> counts.afterAsOf();
            }
        } else if (row instanceof CustomerProfile profile) {
            journal.profile(profile);
            switch (ledger.add(profile)) {
                case USED -> counts.used();
                case DUPLICATE -> current.get().reject(RejectedRow.of(valid.source(), RejectReason.DUPLICATE_CUSTOMER,
                        "customer_id " + profile.customerId() + " was seen on an earlier line; the first row is used"));
            }
        } else {
            throw new IllegalStateException("unexpected row type " + row.getClass());
        }
    }

    private void rejected(Parsed.Bad<?> bad, CustomerLedger ledger, IngestJournal journal) throws IOException {
        current.get().reject(bad.reject());
        SourceRecord source = bad.source();
        if (input == InputFile.CUSTOMERS && !source.isTruncated()) {
            String id = source.value(reader.header(source.file()).index("customer_id"));
            if (!id.isEmpty()) {
                ledger.profileRejected(id);
                journal.profileRejected(id);
            }
        }
    }

    @Override
    public void close() {
        current.get().closeRejects(input);
    }
}

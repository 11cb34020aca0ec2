package rfm.job;

import java.io.IOException;

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
import rfm.measure.CustomerLedger;

/**
 * Folds valid rows into the ledger, and into the step's journal so a restart can rebuild the ledger;
 * duplicate and future-dated orders go to {@code rejects/<file>.csv}.
 */
class LedgerWriter implements ItemStreamWriter<Parsed.Valid<?>> {

    private final IngestRun current;
    private final InputFile input;
    private final IngestCheckpoint checkpoint;

    LedgerWriter(IngestRun current, InputFile input, IngestCheckpoint checkpoint) {
        this.current = current;
        this.input = input;
        this.checkpoint = checkpoint;
    }

    @Override
    public void write(Chunk<? extends Parsed.Valid<?>> chunk) throws IOException {
        CustomerLedger ledger = current.get().ledger();
        IngestJournal journal = checkpoint.journal();
        for (Parsed.Valid<?> valid : chunk) {
            FileCounts counts = current.get().counts(valid.source().file());
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
        current.get().flushRejects(input);
    }

    @Override
    public void close() {
        current.get().closeRejects(input);
    }
}

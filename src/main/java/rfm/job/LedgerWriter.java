package rfm.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * <p>
 * The journal holds what the rows say, whatever the ledger makes of them, so a chunk's journal records are
 * written on a thread of their own while the step's thread folds the same rows, and the chunk ends when both
 * are done (its commit saves the journal's length). On a large orders file the fold is the slowest stage of
 * ingest: without this it also encoded every row for the journal.
 */
class LedgerWriter implements ItemStreamWriter<ParsedBlock> {

    /** Rows prefetched for at a time, before they are added. */
    private static final int AHEAD = 16;
    /** Rows folded, then handed to the journal thread, at a time at most (see {@link #group}). */
    private static final int MAX_GROUP = 4096;

    private final IngestRun current;
    private final InputFile input;
    private final InputFileReader reader;
    private final IngestCheckpoint checkpoint;
    /** What the prefetching read, kept so that the compiler keeps the reads. */
    private int prefetched;
    /** The customers of the valid rows of the group being prefetched, in their rows' packed words (0: not packed). */
    private final long[] customerWords0 = new long[AHEAD];
    private final long[] customerWords1 = new long[AHEAD];
    /**
     * Rows folded, then handed to the journal thread, at a time: a fifth of a chunk, at most {@link #MAX_GROUP}, so
     * that a fraction of a chunk is in flight instead of all of it, with few enough hand-overs (each wakes the
     * journal thread) that they cost little.
     */
    private final int group;
    /** Writes the journal beside the fold; started with the first chunk. */
    private ExecutorService journalThread;

    LedgerWriter(IngestRun current, InputFile input, InputFileReader reader, IngestCheckpoint checkpoint) {
        this.current = current;
        this.input = input;
        this.reader = reader;
        this.checkpoint = checkpoint;
        this.group = Math.max(1, Math.min(MAX_GROUP, reader.blockSize() / 5));
    }

    /**
     * Folds a chunk's rows as it takes them from the reader, a group at a time, and hands each folded group to the
     * journal thread, which writes its records while the next group is folded. At most two groups are between
     * the reader and the journal, instead of the whole chunk.
     */
    @Override
    public void write(Chunk<? extends ParsedBlock> chunk) throws IOException {
        IngestJournal journal = checkpoint.journal();
        CustomerLedger ledger = current.get().ledger();
        Future<?> journaled = null;
        try {
            for (ParsedBlock block : chunk.getItems()) {
                FileCounts counts = current.get().counts(block.file());
                for (List<Parsed<?>> rows = take(block); !rows.isEmpty(); rows = take(block)) {
                    fold(rows, ledger, counts);
                    if (journaled != null) {
                        await(journaled); // the group before: written while this one was folded
                    }
                    List<Parsed<?>> folded = rows;
                    journaled = journalThread().submit(() -> {
                        journal(folded, journal);
                        return null;
                    });
                }
            }
        } catch (RuntimeException | Error e) {
            awaitQuietly(journaled, e);
            throw e;
        }
        if (journaled != null) {
            await(journaled);
        }
        current.get().flushRejects(input);
    }

    /** The block's next rows, up to a group of them; empty once it has none left. */
    private List<Parsed<?>> take(ParsedBlock block) {
        List<Parsed<?>> rows = new ArrayList<>(group);
        for (Parsed<?> row; rows.size() < group && (row = block.next()) != null; ) {
            rows.add(row);
        }
        return rows;
    }

    private ExecutorService journalThread() {
        if (journalThread == null) {
            journalThread = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "journal-" + input.fileName());
                t.setDaemon(true);
                return t;
            });
        }
        return journalThread;
    }

    /** Waits for the chunk's journal records; what went wrong writing them comes out here. */
    private static void await(Future<?> journaled) throws IOException {
        Background.await(journaled, "writing the ingest journal", IOException.class);
    }

    /** After the fold failed: the journal must not be written to once the step goes on to close it. */
    private static void awaitQuietly(Future<?> journaled, Throwable failure) {
        if (journaled == null) {
            return;
        }
        try {
            await(journaled);
        } catch (IOException | RuntimeException | Error e) {
            if (e != failure) { // the JVM's preallocated OutOfMemoryError may be both
                failure.addSuppressed(e);
            }
        }
    }

    /** The journal records of a block's rows, in row order: every valid row, and the id of a rejected profile. */
    private void journal(List<Parsed<?>> rows, IngestJournal journal) throws IOException {
        for (Parsed<?> parsed : rows) {
            if (parsed instanceof Parsed.Valid<?> valid) {
                Object row = valid.row();
                if (row instanceof OrderRow order) {
                    journal.order(order);
                } else if (row instanceof InteractionRow interaction) {
                    journal.interaction(interaction);
                } else if (row instanceof CustomerProfile profile) {
                    journal.profile(profile);
                }
            } else {
                String id = rejectedProfile((Parsed.Bad<?>) parsed);
                if (id != null) {
                    journal.profileRejected(id);
                }
            }
        }
    }

    private void fold(List<Parsed<?>> rows, CustomerLedger ledger, FileCounts counts) {
        for (int from = 0; from < rows.size(); from += AHEAD) {
            int to = Math.min(rows.size(), from + AHEAD);
            if (input != InputFile.CUSTOMERS) { // a profile touches no book
                prefetch(rows, from, to, ledger);
            }
            for (int k = from; k < to; k++) {
                fold(rows.get(k), ledger, counts);
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
                if (valid.row() instanceof OrderRow order) {
                    customerWords0[n] = order.idWord0();
                    customerWords1[n++] = order.idWord1();
                } else {
                    InteractionRow interaction = (InteractionRow) valid.row();
                    customerWords0[n] = interaction.idWord0();
                    customerWords1[n++] = interaction.idWord1();
                }
            }
        }
        if (n > 0) {
            prefetched += input == InputFile.ORDERS ? ledger.prefetchOrders(customerWords0, customerWords1, n)
                    : ledger.prefetchInteractions(customerWords0, customerWords1, n);
        }
    }

    private void fold(Parsed<?> parsed, CustomerLedger ledger, FileCounts counts) {
        if (parsed instanceof Parsed.Bad<?> bad) {
            current.get().reject(bad.reject());
            String id = rejectedProfile(bad);
            if (id != null) {
                ledger.profileRejected(id);
            }
            return;
        }
        Parsed.Valid<?> valid = (Parsed.Valid<?>) parsed;
        Object row = valid.row();
        if (row instanceof OrderRow order) {
            switch (ledger.add(order)) {
                case COUNTED -> counts.used();
                case NOT_COUNTED_STATUS -> counts.notCountedStatus();
                case DUPLICATE -> current.get().reject(RejectedRow.of(valid.source(), RejectReason.DUPLICATE_ORDER,
                        "order_id " + order.orderId() + " was seen on an earlier line; the first row counts"));
                case FUTURE_DATED -> current.get().reject(RejectedRow.of(valid.source(), RejectReason.FUTURE_DATE,
                        "order_date " + order.orderDate() + " is after the as-of date " + current.get().asOf()));
            }
        } else if (row instanceof InteractionRow interaction) {
            switch (ledger.add(interaction)) {
                case USED -> counts.used();
                case AFTER_AS_OF -> counts.afterAsOf();
            }
        } else if (row instanceof CustomerProfile profile) {
            switch (ledger.add(profile)) {
                case USED -> counts.used();
                case DUPLICATE -> current.get().reject(RejectedRow.of(valid.source(), RejectReason.DUPLICATE_CUSTOMER,
                        "customer_id " + profile.customerId() + " was seen on an earlier line; the first row is used"));
            }
        } else {
            throw new IllegalStateException("unexpected row type " + row.getClass());
        }
    }

    /** The customer of a bad customers.csv row, which the ledger still marks; null for other rows. */
    private String rejectedProfile(Parsed.Bad<?> bad) {
        SourceRecord source = bad.source();
        if (input != InputFile.CUSTOMERS || source.isTruncated()) {
            return null;
        }
        String id = source.value(reader.header(source.file()).index("customer_id"));
        return id.isEmpty() ? null : id;
    }

    @Override
    public void close() {
        if (journalThread != null) {
            // idle after chunks that completed (each waited for its journal records); after a failed one it may still be
            // writing, and then meets a closed journal (UncachedFile's streams refuse bytes once closed)
            journalThread.shutdownNow();
            journalThread = null;
        }
        current.get().closeRejects(input);
    }
}

package rfm.job;

import java.util.concurrent.FutureTask;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rfm.history.HistoryComparison;
import rfm.history.HistoryStore;

/**
 * Tonight's customer states going into the history on a thread of their own, from the history's comparison to the
 * recordStates step, which waits for them: the first night of a large shop writes a row per customer (seconds),
 * beside the output files and then the summary, instead of holding the summary up until the last of them is in.
 * The states count only once {@link PublishTasklet} records the night (see {@link HistoryStore#writeStates}); a run
 * that ends before that, by a failure anywhere, waits for the write to end too ({@link #awaitQuietly}), so that
 * nothing still writes while the run closes its database.
 */
final class StatesWrite {

    private static final Logger log = LoggerFactory.getLogger(StatesWrite.class);

    private final FutureTask<Void> task;
    private volatile long millis;
    /** The recordStates step has waited for it (and met its failure, if any). */
    private volatile boolean awaited;

    private StatesWrite(HistoryStore store, HistoryComparison night) {
        this.task = new FutureTask<>(() -> {
            long started = System.nanoTime();
            FaultInjection.check("recordStates");
            FaultInjection.pause("recordStates");
            store.writeStates(night);
            millis = (System.nanoTime() - started) / 1_000_000;
            return null;
        });
    }

    /** Starts writing the night's states; returns at once. */
    static StatesWrite start(HistoryStore store, HistoryComparison night) {
        StatesWrite write = new StatesWrite(store, night);
        Thread thread = new Thread(write.task, "history-states");
        thread.setDaemon(true); // awaited by the run in every case; never what keeps the process alive
        thread.start();
        return write;
    }

    /** Waits for the write; fails as it failed. Returns the milliseconds it took. */
    long await() {
        awaited = true;
        Background.await(task, "writing the customer states into the history");
        return millis;
    }

    /**
     * Waits for the write to end, whatever became of it: at the end of a job, which has failed if the recordStates step
     * did not wait for it already. A failure met here is only logged (the job's own failure is the one reported).
     */
    void awaitQuietly() {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!awaited) {
                log.warn("The customer states' write into the history failed too (the night stays unrecorded): {}",
                        e.getCause() == null ? e.toString() : e.getCause().toString());
            }
        }
    }
}

package rfm.job;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rfm.history.HistoryComparison;
import rfm.history.HistoryStore;
import rfm.revisit.IssuedTask;

/**
 * Tonight's customer states going into the history on a thread of their own, from the history's comparison to the
 * recordStates step, which waits for them: the first night of a large shop writes a row per customer (seconds),
 * beside the output files and then the summary, instead of holding the summary up until the last of them is in.
 * The same thread then writes the revisit tasks the night issued, once the planRevisits step has handed them over
 * ({@link StatesWrites#issue}): beside the summary, not in the publish step (see {@link HistoryStore#writeTasks}).
 * Both count only once {@link PublishTasklet} records the night (see {@link HistoryStore#writeStates}); a run
 * that ends before that, by a failure anywhere, waits for the write to end too ({@link #awaitQuietly}), so that
 * nothing still writes while the run closes its database. A run that fails before its tasks were planned ends the
 * write after the states: the end of the job calls off the tasks it waits for ({@link StatesWrites#afterJob}).
 */
final class StatesWrite {

    private static final Logger log = LoggerFactory.getLogger(StatesWrite.class);

    private final FutureTask<Void> task;
    private volatile long millis;
    private volatile int tasks;
    /** The recordStates step has waited for it (and met its failure, if any). */
    private volatile boolean awaited;

    private StatesWrite(HistoryStore store, HistoryComparison night, CompletableFuture<List<IssuedTask>> issued) {
        this.task = new FutureTask<>(() -> {
            long started = System.nanoTime();
            FaultInjection.check("recordStates");
            FaultInjection.pause("recordStates");
            store.writeStates(night);
            List<IssuedTask> planned;
            try {
                planned = issued.join();
            } catch (CancellationException e) {
                return null; // the run ended without a plan: the night stays pending, and the next write undoes it
            }
            store.writeTasks(night, planned);
            tasks = planned.size();
            millis = (System.nanoTime() - started) / 1_000_000;
            return null;
        });
    }

    /**
     * Starts writing the night's states, then the tasks {@code issued} gives (when planned; called off when the run
     * ends without them); returns at once.
     */
    static StatesWrite start(HistoryStore store, HistoryComparison night, CompletableFuture<List<IssuedTask>> issued) {
        StatesWrite write = new StatesWrite(store, night, issued);
        Thread thread = new Thread(write.task, "history-states");
        thread.setDaemon(true); // awaited by the run in every case; never what keeps the process alive
        thread.start();
        return write;
    }

    /** Waits for the write; fails as it failed. Returns the milliseconds it took. */
    long await() {
        awaited = true;
        Background.await(task, "writing the customer states and revisit tasks into the history");
        return millis;
    }

    /** The revisit tasks written, once {@link #await} has returned. */
    int tasks() {
        return tasks;
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

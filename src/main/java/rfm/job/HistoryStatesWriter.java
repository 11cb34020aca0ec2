package rfm.job;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import rfm.history.HistoryComparison;
import rfm.history.HistoryStore;

/**
 * Writes a night's customer states into the history on a thread of its own, from the moment the comparison has
 * them until the recordStates step, just before publish, waits for them: a first night's million inserts take
 * longer than everything else after scoring, and the summary, which needs none of them, is worked out meanwhile
 * (docs/performance.md). What the write does, and how a failure part way is undone, is {@link
 * HistoryStore#writeStates}'s. One write at a time: the command waits for it after every run, whatever the run's
 * outcome, so that no write outlives the run that started it.
 */
@Component
public class HistoryStatesWriter implements DisposableBean {

    private final HistoryStore store;
    private volatile FutureTask<Long> writing;

    HistoryStatesWriter(HistoryStore store) {
        this.store = store;
    }

    /** Starts writing the night's states (after any write still running has ended). */
    void start(HistoryComparison night) {
        awaitQuietly();
        long started = System.nanoTime();
        FutureTask<Long> task = new FutureTask<>(() -> {
            store.writeStates(night);
            FaultInjection.check("history-states"); // restart tests: as if the write failed at its end
            return (System.nanoTime() - started) / 1_000_000;
        });
        Thread thread = new Thread(task, "history-states");
        thread.setDaemon(true);
        writing = task;
        thread.start();
    }

    /** Waits for the write started last; returns how long it took (ms); throws what made it fail. */
    long awaitWritten() {
        FutureTask<Long> task = writing;
        if (task == null) {
            throw new IllegalStateException("no customer states are being written");
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the customer states were written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("writing the customer states failed", e.getCause());
        }
    }

    /**
     * Waits for a write still running, if any, and forgets it. A failure is left to the run that waited for the
     * write (recordStates fails, so nothing is published; the next write undoes what was written).
     */
    void awaitQuietly() {
        FutureTask<Long> task = writing;
        if (task == null) {
            return;
        }
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // reported by recordStates, or the run failed before it for another reason
        }
        writing = null;
    }

    @Override
    public void destroy() {
        awaitQuietly();
    }
}

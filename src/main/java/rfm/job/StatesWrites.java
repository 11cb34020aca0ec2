package rfm.job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import rfm.history.HistoryComparison;
import rfm.history.HistoryStore;
import rfm.revisit.IssuedTask;

/**
 * The {@link StatesWrite} of each job execution still going: started by the compareHistory step, awaited by the
 * recordStates step, and in any case by the end of the job ({@link #afterJob}), so that a run that failed elsewhere
 * does not close its database under a write still going. Kept apart from the job-scoped {@link NightlyRun}, which
 * the end of a job that failed early must not create.
 */
final class StatesWrites implements JobExecutionListener {

    private final Map<Long, StatesWrite> going = new ConcurrentHashMap<>();
    /**
     * The revisit tasks each execution issued, for its write to take after the states: made by whichever comes
     * first, the write's start (compareHistory) or the plan (planRevisits, beside it).
     */
    private final Map<Long, CompletableFuture<List<IssuedTask>>> issued = new ConcurrentHashMap<>();

    void start(long jobExecutionId, HistoryStore store, HistoryComparison night) {
        StatesWrite earlier = going.put(jobExecutionId, StatesWrite.start(store, night, issuedBy(jobExecutionId)));
        if (earlier != null) {
            earlier.awaitQuietly(); // not in a job's flow: the comparison runs once per execution
        }
    }

    /**
     * Hands the revisit tasks the execution issued to its write, started or not yet; a night whose states are not
     * written (older than the latest recorded one) writes no tasks either.
     */
    void issue(long jobExecutionId, List<IssuedTask> tasks) {
        issuedBy(jobExecutionId).complete(tasks);
    }

    private CompletableFuture<List<IssuedTask>> issuedBy(long jobExecutionId) {
        return issued.computeIfAbsent(jobExecutionId, id -> new CompletableFuture<>());
    }

    /** The execution's write, or null when none was started (a night older than the latest recorded one). */
    StatesWrite of(long jobExecutionId) {
        return going.get(jobExecutionId);
    }

    @Override
    public void afterJob(JobExecution execution) {
        CompletableFuture<List<IssuedTask>> tasks = issued.remove(execution.getId());
        if (tasks != null) {
            tasks.cancel(false); // a run that failed before its plan: its write ends after the states
        }
        StatesWrite write = going.remove(execution.getId());
        if (write != null) {
            write.awaitQuietly();
        }
    }
}

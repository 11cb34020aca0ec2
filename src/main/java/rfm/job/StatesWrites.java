package rfm.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import rfm.history.HistoryComparison;
import rfm.history.HistoryStore;

/**
 * The {@link StatesWrite} of each job execution still going: started by the compareHistory step, awaited by the
 * recordStates step, and in any case by the end of the job ({@link #afterJob}), so that a run that failed elsewhere
 * does not close its database under a write still going. Kept apart from the job-scoped {@link NightlyRun}, which
 * the end of a job that failed early must not create.
 */
final class StatesWrites implements JobExecutionListener {

    private final Map<Long, StatesWrite> going = new ConcurrentHashMap<>();

    void start(long jobExecutionId, HistoryStore store, HistoryComparison night) {
        StatesWrite earlier = going.put(jobExecutionId, StatesWrite.start(store, night));
        if (earlier != null) {
            earlier.awaitQuietly(); // not in a job's flow: the comparison runs once per execution
        }
    }

    /** The execution's write, or null when none was started (a night older than the latest recorded one). */
    StatesWrite of(long jobExecutionId) {
        return going.get(jobExecutionId);
    }

    @Override
    public void afterJob(JobExecution execution) {
        StatesWrite write = going.remove(execution.getId());
        if (write != null) {
            write.awaitQuietly();
        }
    }
}

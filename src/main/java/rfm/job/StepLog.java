package rfm.job;

import java.time.Duration;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * One log line per finished step: its counts and how long it took; for a failed step, also why: the bad input's
 * message (file, line, problem) as the command prints it, or any other failure with its stack trace.
 */
class StepLog implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StepLog.class);

    @Override
    public ExitStatus afterStep(StepExecution step) {
        LocalDateTime end = step.getEndTime() != null ? step.getEndTime() : LocalDateTime.now();
        long millis = step.getStartTime() == null ? 0 : Duration.between(step.getStartTime(), end).toMillis();
        log.info("Step {}: {} - read {}, written {}, skipped {}, {} ms", step.getStepName(), step.getStatus(),
                step.getReadCount(), step.getWriteCount(), step.getSkipCount(), millis);
        for (Throwable failure : step.getFailureExceptions()) {
            Throwable badInput = NightlyCommand.badInputCause(failure);
            if (badInput != null) {
                log.info("Step {} stopped at bad input: {}", step.getStepName(), badInput.getMessage());
            } else {
                log.error("Step {} failed", step.getStepName(), failure);
            }
        }
        return step.getExitStatus();
    }
}

package rfm.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import rfm.history.HistoryComparison;

/**
 * Waits for tonight's customer states to be in the history: their write starts once the history's comparison is
 * made ({@link StatesWrite}) and goes on beside the output files and the summary (the first night of a large shop
 * writes a row per customer); they count once {@link PublishTasklet} records the night.
 */
class HistoryStatesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(HistoryStatesTasklet.class);

    private final NightlyRun run;
    private final StatesWrites writes;

    HistoryStatesTasklet(NightlyRun run, StatesWrites writes) {
        this.run = run;
        this.writes = writes;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        HistoryComparison night = run.history();
        StatesWrite write = writes.of(contribution.getStepExecution().getJobExecutionId());
        if (write != null) {
            long millis = write.await();
            contribution.incrementWriteCount(night.historyRows());
            log.info("History: {} customer states written for as-of {} in {} ms (recorded when the run is published)",
                    night.historyRows(), run.asOf(), millis);
        }
        return RepeatStatus.FINISHED;
    }
}

package rfm.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import rfm.history.HistoryComparison;

/**
 * Waits for tonight's customer states to be in the history: {@link HistoryStatesWriter} writes them from the moment
 * the comparison has them, beside the output files and the summary (the first night of a large shop writes a row per
 * customer); they count once {@link PublishTasklet} records the night, the step after this one.
 */
class HistoryStatesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(HistoryStatesTasklet.class);

    private final NightlyRun run;
    private final HistoryStatesWriter writer;

    HistoryStatesTasklet(NightlyRun run, HistoryStatesWriter writer) {
        this.run = run;
        this.writer = writer;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        HistoryComparison night = run.history();
        if (night.recorded()) {
            long millis = writer.awaitWritten();
            contribution.incrementWriteCount(night.historyRows());
            log.info("History: {} customer states written for as-of {} in {} ms, beside the output files and the summary"
                    + " (recorded when the run is published)", night.historyRows(), run.asOf(), millis);
        }
        return RepeatStatus.FINISHED;
    }
}

package rfm.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import rfm.history.HistoryComparison;
import rfm.history.HistoryStore;

/**
 * Writes tonight's customer states into the history, beside the output files (the first night of a large shop
 * writes a row per customer); they count once {@link PublishTasklet} records the night.
 */
class HistoryStatesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(HistoryStatesTasklet.class);

    private final NightlyRun run;
    private final HistoryStore store;

    HistoryStatesTasklet(NightlyRun run, HistoryStore store) {
        this.run = run;
        this.store = store;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        HistoryComparison night = run.history();
        if (night.recorded()) {
            store.writeStates(night);
            contribution.incrementWriteCount(night.historyRows());
            log.info("History: {} customer states written for as-of {} (recorded when the run is published)",
                    night.historyRows(), run.asOf());
        }
        return RepeatStatus.FINISHED;
    }
}

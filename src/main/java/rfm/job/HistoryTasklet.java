package rfm.job;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import rfm.history.HistoryComparison;
import rfm.history.HistoryStore;
import rfm.history.PreviousStates;
import rfm.revisit.RevisitEffectiveness;

/**
 * Compares tonight's customers with the previous recorded night and works out whether revisits worked; the
 * files that show it (crm_delta.csv, revisit_effectiveness.csv) are written with customers_scored.csv. Starts
 * writing tonight's states into the history on a thread of their own ({@link StatesWrite}), pending: only
 * {@link PublishTasklet} records the night, in the same transaction as the publishing, so the history never holds a
 * night that was not published.
 */
class HistoryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(HistoryTasklet.class);

    private final NightlyRun run;
    private final HistoryStore store;
    private final StatesWrites writes;

    HistoryTasklet(NightlyRun run, HistoryStore store, StatesWrites writes) {
        this.run = run;
        this.store = store;
        this.writes = writes;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        LocalDate asOf = run.asOf();
        HistoryStore.Nights nights = store.nights(asOf);
        PreviousStates previous = new PreviousStates(run.scored());
        if (nights.previous() != null) {
            store.statesOn(nights.previous(), previous);
        }
        HistoryComparison night = HistoryComparison.compare(asOf, nights.previous(), nights.latest(), run.scored(), previous);
        run.history(night);
        if (night.recorded()) {
            // awaited by the recordStates step, after the summary
            writes.start(contribution.getStepExecution().getJobExecutionId(), store, night);
        }
        run.previousFigures(store.figuresOf(nights.previous()));
        if (!night.recorded()) {
            log.warn("As-of {} is older than the latest recorded night, {}: tonight is compared with {} but not recorded,"
                    + " so the newer history stays as it is", asOf, nights.latest(), nights.previous() == null ? "nothing" : nights.previous());
        }

        RevisitEffectiveness effectiveness = new RevisitEffectiveness(run.job().revisit().effectivenessWindowDays());
        store.addFollowedUp(asOf, effectiveness);
        run.followUps().forEach(effectiveness::add);
        run.effectiveness(effectiveness);

        contribution.incrementWriteCount(night.historyRows());
        RevisitEffectiveness.Row total = effectiveness.total();
        log.info("Compared with {}: {} history rows to add; revisit follow-ups: {} tasks decided, {} of them tonight,"
                        + " {} converted", nights.previous() == null ? "no earlier night (first run)" : nights.previous(),
                night.historyRows(), total.tasks(), run.followUps().size(), total.converted());
        return RepeatStatus.FINISHED;
    }
}

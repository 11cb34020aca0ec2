package rfm.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import rfm.config.OutputSettings;
import rfm.history.HistoryComparison;
import rfm.history.HistoryStore;
import rfm.history.PreviousStates;
import rfm.publish.HistoryFiles;
import rfm.revisit.RevisitEffectiveness;

/**
 * Compares tonight's customers with the previous recorded night and writes crm_delta.csv and
 * revisit_effectiveness.csv. Reads the history only: {@link PublishTasklet} records the night, in the same
 * transaction as the publishing, so the history never holds a night that was not published.
 */
class HistoryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(HistoryTasklet.class);

    private final NightlyRun run;
    private final HistoryStore store;

    HistoryTasklet(NightlyRun run, HistoryStore store) {
        this.run = run;
        this.store = store;
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
        run.previousFigures(store.figuresOf(nights.previous()));
        if (!night.recorded()) {
            log.warn("As-of {} is older than the latest recorded night, {}: tonight is compared with {} but not recorded,"
                    + " so the newer history stays as it is", asOf, nights.latest(), nights.previous() == null ? "nothing" : nights.previous());
        }

        RevisitEffectiveness effectiveness = new RevisitEffectiveness(run.job().revisit().effectivenessWindowDays());
        store.addFollowedUp(asOf, effectiveness);
        run.followUps().forEach(effectiveness::add);
        run.effectiveness(effectiveness);

        Path staging = run.staging();
        OutputSettings outputs = run.job().outputs();
        Map<String, Long> rows = new LinkedHashMap<>();
        long delta = HistoryFiles.writeCrmDelta(staging.resolve("crm_delta.csv"), night, outputs.crmBom(),
                outputs.crmNeutraliseFormulas());
        rows.put("crm_delta.csv", delta);
        rows.put("revisit_effectiveness.csv", HistoryFiles.writeEffectiveness(staging.resolve("revisit_effectiveness.csv"),
                effectiveness, outputs.analystBom()));
        run.historyFilesWritten(rows);
        contribution.incrementWriteCount(delta);
        RevisitEffectiveness.Row total = effectiveness.total();
        log.info("Compared with {}: {} customers in crm_delta.csv, {} history rows to add; revisit follow-ups: {} tasks"
                        + " decided, {} of them tonight, {} converted", nights.previous() == null ? "no earlier night (first run)"
                        : nights.previous(), delta, night.historyRows(), total.tasks(), run.followUps().size(), total.converted());
        return RepeatStatus.FINISHED;
    }
}

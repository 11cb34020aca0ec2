package rfm.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.List;

import rfm.config.Operations;
import rfm.history.HistoryComparison;
import rfm.history.HistoryStore;
import rfm.revisit.IssuedTask;

/**
 * The last step: records the night in the history, renames the finished staging folder to {@code OUTPUT/<as-of>/}, hands the metrics to
 * node_exporter when configured, and deletes output folders beyond the number to keep.
 */
class PublishTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);

    private final NightlyRun run;
    private final HistoryStore history;

    PublishTasklet(NightlyRun run, HistoryStore history) {
        this.run = run;
        this.history = history;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        // the night is recorded in this step's transaction, which commits only after the folder is published:
        // a failure before that leaves neither (the states written beside the files stay pending, and the next
        // write undoes them); one in between (the commit itself) leaves the folder, and the rerun of the failed
        // run records the night then
        HistoryComparison night = run.history();
        if (night.recorded()) {
            List<IssuedTask> issued = run.revisitPlan().scheduled().stream().map(t -> IssuedTask.of(t, run.asOf())).toList();
            history.recordNight(night, run.figures(), issued, run.followUps());
            log.info("Recorded as-of {} in the history: {} changed customers, {} revisit tasks issued, {} follow-ups decided",
                    run.asOf(), night.changes(), issued.size(), run.followUps().size());
        }
        FaultInjection.check("publish");
        Path published = run.output().publish();
        run.output().finishRun();
        log.info("Published {}", published);
        Operations ops = run.job().operations();
        if (!ops.textfileDir().isEmpty()) {
            Path dir = Path.of(ops.textfileDir());
            Files.createDirectories(dir);
            Path tmp = dir.resolve(".rfm_nightly.prom.tmp");
            Files.copy(published.resolve("metrics.prom"), tmp, StandardCopyOption.REPLACE_EXISTING);
            // node_exporter reads *.prom: the rename makes the new file appear whole
            Files.move(tmp, dir.resolve("rfm_nightly.prom"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("Metrics for node_exporter in {}", dir.resolve("rfm_nightly.prom"));
        }
        for (Path old : run.output().prune(ops.keepRuns())) {
            log.info("Deleted old output folder {} (operations.keep-runs: {})", old, ops.keepRuns());
        }
        return RepeatStatus.FINISHED;
    }
}

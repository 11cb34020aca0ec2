package rfm.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import rfm.classify.ScoredCustomer;
import rfm.config.JobFile;
import rfm.publish.CustomerFiles;

/** Measures, scores and classifies every customer and writes customers_scored.csv and the segment files. */
class ScoreTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ScoreTasklet.class);

    private final NightlyRun run;

    ScoreTasklet(NightlyRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobFile job = run.job();
        List<ScoredCustomer> scored = job.classifier(run.asOf()).classify(run.ledger().measure());
        run.scored(scored);
        Path staging = run.staging();
        Map<String, Long> rows = run.outputRows();
        rows.put("customers_scored.csv", CustomerFiles.writeScored(staging.resolve("customers_scored.csv"), scored,
                job.outputs().analystBom()));
        CustomerFiles.writeSegments(staging.resolve("segments"), scored, job.segmentTable().all(), run.asOf(),
                job.outputs().crmBom(), job.outputs().crmNeutraliseFormulas())
                .forEach((code, n) -> rows.put("segments/" + code + ".csv", n));
        contribution.incrementWriteCount(scored.size());
        log.info("Scored {} customers ({} buyers) as of {}", scored.size(),
                scored.stream().filter(c -> c.measures().buyer()).count(), run.asOf());
        return RepeatStatus.FINISHED;
    }
}

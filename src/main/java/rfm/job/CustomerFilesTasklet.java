package rfm.job;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import rfm.classify.ScoredCustomer;
import rfm.config.JobFile;
import rfm.publish.CustomerFiles;

/** Writes customers_scored.csv and the segment files of the scored customers (beside the revisit planning). */
class CustomerFilesTasklet implements Tasklet {

    private final NightlyRun run;

    CustomerFilesTasklet(NightlyRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobFile job = run.job();
        List<ScoredCustomer> scored = run.scored();
        Path staging = run.staging();
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("customers_scored.csv", CustomerFiles.writeScored(staging.resolve("customers_scored.csv"), run.history(),
                job.outputs().analystBom()));
        CustomerFiles.writeSegments(staging.resolve("segments"), scored, job.segmentTable().all(), run.asOf(),
                job.outputs().crmBom(), job.outputs().crmNeutraliseFormulas())
                .forEach((code, n) -> rows.put("segments/" + code + ".csv", n));
        run.customerFilesWritten(rows);
        contribution.incrementWriteCount(scored.size());
        return RepeatStatus.FINISHED;
    }
}

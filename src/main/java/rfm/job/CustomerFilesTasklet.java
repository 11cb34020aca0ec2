package rfm.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import rfm.config.JobFile;
import rfm.config.OutputSettings;
import rfm.publish.CustomerFiles;
import rfm.publish.HistoryFiles;

/**
 * Writes the customer files of the scored customers: customers_scored.csv, which shows each customer's previous
 * segment and stage and so waits for the history's comparison, then crm_delta.csv and revisit_effectiveness.csv
 * (the comparison's own files, written here so that the customers' states go into the history beside them), or the
 * segment files, which need the scores alone and
 * are written beside the comparison and the revisit planning.
 */
class CustomerFilesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CustomerFilesTasklet.class);

    /** Which of the customer files a step writes. */
    enum Files { SCORED, SEGMENTS }

    private final NightlyRun run;
    private final Files files;

    CustomerFilesTasklet(NightlyRun run, Files files) {
        this.run = run;
        this.files = files;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobFile job = run.job();
        Map<String, Long> rows = new LinkedHashMap<>();
        if (files == Files.SCORED) {
            rows.put("customers_scored.csv", CustomerFiles.writeScored(run.staging().resolve("customers_scored.csv"),
                    run.history(), job.outputs().analystBom()));
            run.scoredFileWritten(rows);
            writeHistoryFiles(job.outputs());
        } else {
            FaultInjection.check("writeSegmentFiles");
            CustomerFiles.writeSegments(run.staging().resolve("segments"), run.scored(), job.segmentTable().all(),
                            run.asOf(), job.outputs().crmBom(), job.outputs().crmNeutraliseFormulas())
                    .forEach((code, n) -> rows.put("segments/" + code + ".csv", n));
            run.segmentFilesWritten(rows);
        }
        contribution.incrementWriteCount(run.scored().size());
        return RepeatStatus.FINISHED;
    }

    /** crm_delta.csv and revisit_effectiveness.csv, from the history's comparison. */
    private void writeHistoryFiles(OutputSettings outputs) {
        Map<String, Long> rows = new LinkedHashMap<>();
        long delta = HistoryFiles.writeCrmDelta(run.staging().resolve("crm_delta.csv"), run.history(), outputs.crmBom(),
                outputs.crmNeutraliseFormulas());
        rows.put("crm_delta.csv", delta);
        rows.put("revisit_effectiveness.csv", HistoryFiles.writeEffectiveness(run.staging().resolve("revisit_effectiveness.csv"),
                run.effectiveness(), outputs.analystBom()));
        run.historyFilesWritten(rows);
        log.info("Wrote crm_delta.csv: {} customers changed, new or gone since the previous recorded night", delta);
    }
}

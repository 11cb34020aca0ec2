package rfm.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import rfm.classify.ScoredCustomer;
import rfm.config.JobFile;
import rfm.history.HistoryComparison;
import rfm.history.NightFigures;
import rfm.ingest.FileCounts;
import rfm.publish.HtmlReport;
import rfm.publish.OutputDigests;
import rfm.publish.RunSummary;
import rfm.report.ReportFigures;
import rfm.revisit.RevisitEffectiveness;
import rfm.revisit.RevisitPlan;

/**
 * Writes report.html, then summary.json, which counts and checksums every other output file, then metrics.prom (timings make
 * it differ from run to run, so the summary leaves it out), and logs the run's summary line.
 */
class SummaryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(SummaryTasklet.class);
    private static final String REPORT = "report.html";
    private static final String SUMMARY = "summary.json";
    private static final String METRICS = "metrics.prom";
    /** The files this step writes (again, after a restart): their digests are taken once they are written. */
    private static final Set<String> WRITTEN_HERE = Set.of(REPORT, SUMMARY, METRICS);

    private final NightlyRun run;
    private final RunMetrics metrics;

    SummaryTasklet(NightlyRun run, RunMetrics metrics) {
        this.run = run;
        this.metrics = metrics;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        // the output files are hashed on a thread of their own while the report's figures are worked out here
        try (OutputDigests digests = OutputDigests.start(run.staging(), WRITTEN_HERE)) {
            summarize(chunkContext, digests);
        }
        return RepeatStatus.FINISHED;
    }

    private void summarize(ChunkContext chunkContext, OutputDigests digests) {
        Map<String, Long> rows = new LinkedHashMap<>(run.outputRows());
        run.allCounts().forEach(f -> {
            if (f.rejectedRows() > 0) {
                rows.put(NightlyRun.rejectsPath(f.file()), f.rejectedRows());
            }
        });
        JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        LocalDateTime started = execution.getStartTime();
        LocalDateTime now = LocalDateTime.now();
        Map<String, Long> stepMillis = new LinkedHashMap<>();
        List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
        // the job's order, not start order: steps side by side start in either order
        steps.sort(Comparator.comparingInt(step -> NightlyJobConfiguration.STEP_ORDER.indexOf(step.getStepName())));
        for (StepExecution step : steps) {
            if (step.getStartTime() != null) {
                LocalDateTime end = step.getEndTime() != null ? step.getEndTime() : now;
                stepMillis.put(step.getStepName(), Duration.between(step.getStartTime(), end).toMillis());
            }
        }
        long reportStarted = System.nanoTime();
        NightFigures figures = NightFigures.of(run.scored(), run.revisitPlan().scheduled().size(),
                run.allCounts().stream().mapToLong(FileCounts::rejectedRows).sum());
        run.figures(figures);
        JobFile job = run.job();
        // summary.json's counts beside the report's figures and the metrics' counts: each goes over every customer,
        // and the step's other core only hashes the output files meanwhile. The counting thread is given what it
        // counts: the run is job-scoped, known on the job's threads only
        RunSummary summary = new RunSummary(run.asOf(), run.jobFileName());
        List<ScoredCustomer> scored = run.scored();
        RevisitPlan plan = run.revisitPlan();
        HistoryComparison night = run.history();
        long crmDeltaRows = run.outputRows().getOrDefault("crm_delta.csv", 0L);
        RevisitEffectiveness effectiveness = run.effectiveness();
        int decidedTonight = run.followUps().size();
        ExecutorService counting = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "summary-counts");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?> counts = counting.submit(() -> {
                summary.customers(scored, figures, job.segmentTable().all(), job.valueTiers())
                        .revisits(plan)
                        .history(night, job.segmentTable().all(), crmDeltaRows, effectiveness, decidedTonight);
            });
            ReportFigures report = ReportFigures.of(run.asOf(), run.history().previousRun(), figures, run.previousFigures(),
                    run.scored(), job.segmentTable().all(), job.valueTiers(), run.history().segmentMigration(job.segmentTable().all()),
                    run.revisitPlan().scheduled(), job.report().topAtRisk());
            new HtmlReport(job.report(), job.currency().code(), job.windows().monetaryDays())
                    .write(run.staging().resolve(REPORT), report, run.jobFileName(), run.allCounts(), rows);
            log.info("Worked out the report's figures and wrote report.html ({} ms)", (System.nanoTime() - reportStarted) / 1_000_000);
            metrics.record(run, execution);
            Background.await(counts, "counting for summary.json");
            summary.report(report)
                    .inputs(run.allCounts())
                    .outputs(run.staging(), rows, digests)
                    .run(started == null ? "" : started.toString(), now.toString(),
                            started == null ? 0 : Duration.between(started, now).toMillis(), stepMillis)
                    .write(run.staging().resolve(SUMMARY));
        } finally {
            counting.shutdownNow();
        }
        metrics.write(run.staging().resolve(METRICS));
        log.info("Run summary: as-of {}, {} customers ({} buyers), {} at churn risk, {} revisit tasks ({} unscheduled),"
                        + " {} rows rejected, {} ms so far", run.asOf(), figures.customers(), figures.buyers(),
                figures.churnRisk(), figures.tasks(), run.revisitPlan().unscheduled().size(), figures.rejects(),
                started == null ? 0 : Duration.between(started, now).toMillis());
    }
}

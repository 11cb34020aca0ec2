package rfm.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import rfm.classify.ChurnReason;
import rfm.classify.LifecycleStage;
import rfm.classify.ScoredCustomer;
import rfm.classify.SegmentRule;
import rfm.ingest.FileCounts;
import rfm.revisit.RevisitEffectiveness;

/**
 * The run's metrics in Prometheus text: Spring Batch's own step and chunk timers (its Micrometer
 * observations), its item counts per step, and gauges of what the run found, written to {@code metrics.prom}
 * with the outputs.
 */
@Component
class RunMetrics {

    private final PrometheusMeterRegistry registry;

    RunMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** Records the run's figures; step counts come from Spring Batch's step executions. */
    void record(NightlyRun run, JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            Tags tags = Tags.of("step", step.getStepName());
            gauge("rfm.step.items", tags.and("kind", "read"), step.getReadCount());
            gauge("rfm.step.items", tags.and("kind", "written"), step.getWriteCount());
            gauge("rfm.step.items", tags.and("kind", "skipped"), step.getSkipCount());
        }
        // step durations are Spring Batch's own timers (spring_batch_step_seconds); the job's timer is recorded
        // only when the job ends, after this file is written, so the run's duration so far is a gauge

        if (execution.getStartTime() != null) {
            gauge("rfm.job.duration.seconds", Tags.empty(),
                    Duration.between(execution.getStartTime(), LocalDateTime.now()).toMillis() / 1000.0);
        }
        // one pass over the customers for every count
        Map<String, Long> bySegment = new HashMap<>();
        Map<LifecycleStage, Long> byStage = new EnumMap<>(LifecycleStage.class);
        Map<ChurnReason, Long> byReason = new EnumMap<>(ChurnReason.class);
        long churnRisk = 0;
        for (ScoredCustomer c : run.scored()) {
            bySegment.merge(c.segment().code(), 1L, Long::sum);
            byStage.merge(c.stage(), 1L, Long::sum);
            for (ChurnReason r : c.churnReasons()) { // not forEach: a lambda capturing the map, made per customer
                byReason.merge(r, 1L, Long::sum);
            }
            churnRisk += c.churnRisk() ? 1 : 0;
        }
        for (SegmentRule segment : run.job().segmentTable().all()) {
            gauge("rfm.customers", Tags.of("segment", segment.code()), bySegment.getOrDefault(segment.code(), 0L));
        }
        for (LifecycleStage stage : LifecycleStage.values()) {
            gauge("rfm.customers.by.stage", Tags.of("stage", stage.name()), byStage.getOrDefault(stage, 0L));
        }
        gauge("rfm.churn.risk.customers", Tags.empty(), churnRisk);
        for (ChurnReason reason : ChurnReason.values()) {
            gauge("rfm.churn.risk.reasons", Tags.of("reason", reason.name()), byReason.getOrDefault(reason, 0L));
        }
        gauge("rfm.revisit.tasks", Tags.of("state", "scheduled"), run.revisitPlan().scheduled().size());
        gauge("rfm.revisit.tasks", Tags.of("state", "unscheduled"), run.revisitPlan().unscheduled().size());
        gauge("rfm.crm.delta.rows", Tags.empty(), run.outputRows().getOrDefault("crm_delta.csv", 0L));
        gauge("rfm.history.recorded", Tags.empty(), run.history().recorded() ? 1 : 0);
        RevisitEffectiveness.Row followUps = run.effectiveness().total();
        gauge("rfm.revisit.followups", Tags.of("outcome", "decided"), followUps.tasks());
        gauge("rfm.revisit.followups", Tags.of("outcome", "converted"), followUps.converted());
        for (FileCounts f : run.allCounts()) {
            Tags tags = Tags.of("file", f.file());
            gauge("rfm.input.rows", tags.and("outcome", "read"), f.rowsRead());
            gauge("rfm.input.rows", tags.and("outcome", "used"), f.rowsUsed());
            gauge("rfm.input.rows", tags.and("outcome", "rejected"), f.rejectedRows());
            gauge("rfm.input.rows", tags.and("outcome", "bad"), f.badRows());
        }
        // written only into a run that is about to be published: a failed run leaves no metrics file
        gauge("rfm.last.success.timestamp.seconds", Tags.empty(), Instant.now().getEpochSecond());
        gauge("rfm.as.of.timestamp.seconds", Tags.empty(), run.asOf().toEpochDay() * 86_400L);
    }

    private void gauge(String name, Tags tags, double value) {
        Gauge.builder(name, () -> value).tags(tags).strongReference(true).register(registry);
    }

    /** Writes every metric in Prometheus text format. */
    void write(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            registry.scrape(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

}

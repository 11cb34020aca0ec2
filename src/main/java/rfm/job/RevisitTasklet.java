package rfm.job;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import rfm.publish.TaskFiles;
import rfm.revisit.IssuedTask;
import rfm.revisit.RevisitPlan;

/**
 * Plans the revisit tasks of the scored customers, writes the task lists and hands the tasks issued to the history's
 * write ({@link StatesWrites#issue}), which puts them in the database after the customer states.
 */
class RevisitTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RevisitTasklet.class);

    private final NightlyRun run;
    private final StatesWrites writes;

    RevisitTasklet(NightlyRun run, StatesWrites writes) {
        this.run = run;
        this.writes = writes;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        LocalDate asOf = run.asOf();
        RevisitPlan plan = run.job().revisitPlanner(asOf).plan(run.scored());
        FaultInjection.check("planRevisits");
        run.revisitPlan(plan);
        List<IssuedTask> issued = plan.scheduled().stream().map(t -> IssuedTask.of(t, asOf)).toList();
        writes.issue(contribution.getStepExecution().getJobExecutionId(), issued);
        run.taskFilesWritten(TaskFiles.write(run.staging(), plan, run.job().outputs().analystBom()));
        contribution.incrementWriteCount(plan.scheduled().size());
        log.info("Planned {} revisit tasks ({} did not fit before the horizon)", plan.scheduled().size(),
                plan.unscheduled().size());
        return RepeatStatus.FINISHED;
    }
}

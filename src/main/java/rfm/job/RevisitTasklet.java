package rfm.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import rfm.publish.TaskFiles;
import rfm.revisit.RevisitPlan;

/** Plans the revisit tasks of the scored customers and writes the task lists. */
class RevisitTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RevisitTasklet.class);

    private final NightlyRun run;

    RevisitTasklet(NightlyRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RevisitPlan plan = run.job().revisitPlanner(run.asOf()).plan(run.scored());
        run.revisitPlan(plan);
        run.taskFilesWritten(TaskFiles.write(run.staging(), plan, run.job().outputs().analystBom()));
        contribution.incrementWriteCount(plan.scheduled().size());
        log.info("Planned {} revisit tasks ({} did not fit before the horizon)", plan.scheduled().size(),
                plan.unscheduled().size());
        return RepeatStatus.FINISHED;
    }
}

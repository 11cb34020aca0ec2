package rfm.job;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import rfm.classify.ScoredCustomer;
import rfm.publish.HtmlReport;

/** Measures, scores and classifies every customer; {@link CustomerFilesTasklet} writes the results. */
class ScoreTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ScoreTasklet.class);

    private final NightlyRun run;

    ScoreTasklet(NightlyRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        HtmlReport.prepareAhead(run.job().report()); // for the summary step, on the core scoring leaves mostly idle
        List<ScoredCustomer> scored = run.job().classifier(run.asOf()).classify(run.ledger().drain()); // the ledger's work is done
        run.scored(scored);
        contribution.incrementWriteCount(scored.size());
        log.info("Scored {} customers ({} buyers) as of {}", scored.size(),
                scored.stream().filter(c -> c.measures().buyer()).count(), run.asOf());
        return RepeatStatus.FINISHED;
    }
}

package rfm.job;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import rfm.config.RejectLimit;
import rfm.ingest.BadInputException;
import rfm.ingest.FileCounts;

/**
 * After ingest: every row read must be accounted for, and no file may have more bad rows than the reject
 * limit allows. Otherwise the run fails, naming the file, the count and the first bad lines.
 */
class CheckRejectsTasklet implements Tasklet {

    private final NightlyRun run;

    CheckRejectsTasklet(NightlyRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<String> problems = new ArrayList<>();
        for (FileCounts f : run.allCounts()) {
            RejectLimit limit = run.job().rejectLimit(f.input());
            if (!f.balanced()) {
                throw new IllegalStateException(f.file() + ": rows do not add up: read " + f.rowsRead() + ", used "
                        + f.rowsUsed() + ", not counted " + f.rowsNotCountedStatus() + ", after as-of " + f.rowsAfterAsOf()
                        + ", rejected " + f.rejectedRows());
            }
            if (!limit.allows(f.badRows(), f.rowsRead())) {
                problems.add(f.file() + ": " + f.badRows() + " bad rows of " + f.rowsRead() + " is over the reject limit of "
                        + limit + "; first: "
                        + f.firstBadRows().stream().map(r -> "line " + r.line() + " " + r.reason() + " (" + r.message() + ")")
                        .collect(Collectors.joining("; ")));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(String.join("\n", problems)
                    + "\n(nothing was published; every rejected row is listed in " + run.staging().resolve("rejects") + ")");
        }
        return RepeatStatus.FINISHED;
    }
}

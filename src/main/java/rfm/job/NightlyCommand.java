package rfm.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import rfm.ExitCode;
import rfm.RunOptions;
import rfm.config.JobFileException;
import rfm.ingest.BadInputException;

/**
 * Starts (or resumes) the nightly job for one as-of date and turns its outcome into an exit code. A run is
 * identified by its as-of date, input folder and output folder; one that already completed is not run again
 * unless forced; one that failed, or was killed, is resumed. Callers hold the run lock.
 */
@Component
public class NightlyCommand {

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final SchemaMigration migration;

    NightlyCommand(JobOperator operator, JobRepository repository, Job nightlyJob, SchemaMigration migration) {
        this.operator = operator;
        this.repository = repository;
        this.job = nightlyJob;
        this.migration = migration;
    }

    public ExitCode run(RunOptions options) {
        try {
            migration.awaitMigrated(); // started while Spring started (SchemaMigration)
        } catch (RuntimeException e) {
            System.err.println("rfm-nightly: the database's schema could not be brought up to date; nothing was run: "
                    + e.getMessage());
            e.printStackTrace(System.err);
            return ExitCode.FAILED;
        }
        JobParametersBuilder builder = new JobParametersBuilder()
                .addLocalDate("asOf", options.asOf(), true)
                .addString("input", absolute(options.inputFolder()), true)
                .addString("output", absolute(options.output()), true)
                .addString("jobFile", absolute(options.jobFile()), false);
        if (options.force()) {
            builder.addLong("forcedAt", System.currentTimeMillis(), true);
        }
        JobParameters parameters = builder.toJobParameters();
        JobInstance instance = repository.getJobInstance(NightlyJobConfiguration.JOB_NAME, parameters);
        if (instance != null) {
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                return alreadyCompleted(options);
            }
            if (last != null && last.isRunning()) {
                // this process holds the run lock, so no other run is alive: the last one was killed
                System.out.println("The previous run for as-of " + options.asOf() + " (execution " + last.getId()
                        + ") was killed while running; marking it failed and resuming it.");
                operator.recover(last);
            }
        }
        JobExecution execution;
        try {
            execution = operator.start(job, parameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            return alreadyCompleted(options);
        } catch (Exception e) {
            System.err.println("rfm-nightly: cannot start the run: " + e.getMessage());
            return ExitCode.FAILED;
        }
        return outcome(execution, options);
    }

    private ExitCode alreadyCompleted(RunOptions options) {
        String message = "The run for as-of " + options.asOf() + " already completed: nothing to do ("
                + options.output().resolve(options.asOf().toString()) + " is left as it is). Use --force to run it again.";
        System.out.println(message);
        return ExitCode.COMPLETED;
    }

    private ExitCode outcome(JobExecution execution, RunOptions options) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            System.out.println("Completed: as-of " + options.asOf() + ", results in "
                    + options.output().resolve(options.asOf().toString()));
            return ExitCode.COMPLETED;
        }
        List<Throwable> failures = new ArrayList<>(execution.getAllFailureExceptions());
        boolean badInput = failures.stream().anyMatch(NightlyCommand::isBadInput);
        System.err.println("rfm-nightly: the run for as-of " + options.asOf() + " FAILED; nothing was published.");
        for (Throwable t : failures) {
            Throwable cause = badInputCause(t);
            if (cause != null) {
                System.err.println("  " + cause.getMessage());
            } else {
                System.err.print("  ");
                t.printStackTrace(System.err); // not the data's fault: the whole trace helps whoever fixes it
            }
        }
        return badInput ? ExitCode.BAD_INPUT : ExitCode.FAILED;
    }

    private static boolean isBadInput(Throwable t) {
        return badInputCause(t) != null;
    }

    /** The bad input (or job file) behind a failure, or null when the failure is something else. */
    static Throwable badInputCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof BadInputException || c instanceof JobFileException) {
                return c;
            }
        }
        return null;
    }

    private static String absolute(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}

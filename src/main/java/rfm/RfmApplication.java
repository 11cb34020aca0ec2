package rfm;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import rfm.config.JobFile;
import rfm.config.JobFileException;
import rfm.config.JobFileLoader;
import rfm.config.LoadedJobFile;
import rfm.ingest.EncodingsAhead;
import rfm.job.NightlyCommand;
import rfm.job.NightlyRun;

/** The command-line entry: checks the options and the job file, then runs the nightly job and exits with its code. */
@SpringBootApplication
public class RfmApplication {

    public static void main(String[] args) {
        if (Boolean.getBoolean("spring.aot.processing")) {
            // the build's AOT processing (spring-boot-maven-plugin process-aot) starts the application to record its
            // bean definitions. Conditions are decided then, once: the run's own properties that conditions read are
            // given as every run gives them (a database URL and the migrations' folders, H2's or PostgreSQL's alike;
            // Spring Batch's launcher off)
            application(EncodingsAhead.none(), null, Map.of("spring.datasource.url", "jdbc:h2:mem:aot",
                    "spring.flyway.locations", "classpath:db/migration/h2,classpath:db/migration/common",
                    "spring.batch.job.enabled", "false")).run();
            return;
        }
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(rfm.generate.ShopGenerator.main(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(run(args));
    }

    /** Runs one nightly job; returns the process exit code (see {@link ExitCode}). */
    public static int run(String... args) {
        PrintStream err = System.err;
        RunOptions options;
        try {
            options = RunOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("rfm-nightly: " + e.getMessage());
            err.println(RunOptions.USAGE);
            return ExitCode.BAD_INPUT.code();
        }
        JobFile job;
        try {
            job = JobFileLoader.load(options.jobFile());
        } catch (JobFileException e) {
            err.println("rfm-nightly: " + e.getMessage());
            return ExitCode.BAD_INPUT.code();
        }
        if (options.asOf() == null && !options.backfill()) {
            options = options.withAsOf(LocalDate.now(job.zone()).minusDays(1));
        }
        Database db;
        try {
            db = Database.of(options.db(), options.dbCredentials(), System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("rfm-nightly: " + e.getMessage());
            return ExitCode.BAD_INPUT.code();
        }
        // one run per database, and one per output folder (two runs there would share staging folders)
        LogFiles.deleteOld(job);
        Path lockFile = db.lockFile();
        Path outputLockFile = options.output().resolve(".rfm-nightly.lock");
        RunLock lock = RunLock.tryAcquire(lockFile);
        RunLock outputLock = lock == null ? null : RunLock.tryAcquire(outputLockFile);
        if (lock == null || outputLock == null) {
            Path held = lock == null ? lockFile : outputLockFile;
            if (lock != null) {
                lock.close();
            }
            err.println("rfm-nightly: another run holds the lock " + held + " (" + RunLock.holder(held)
                    + "); not starting. Exit code 3.");
            return ExitCode.LOCKED.code();
        }
        EncodingsAhead encodingsAhead = encodingsAhead(options, job);
        try (lock; outputLock) {
            ExitCode code;
            int livePercent;
            try (ConfigurableApplicationContext context = application(encodingsAhead, new LoadedJobFile(options.jobFile(), job),
                    springProperties(options, job, db))
                    .run()) {
                NightlyCommand command = context.getBean(NightlyCommand.class);
                code = options.backfill() ? backfill(command, options) : command.run(options);
                // only after a run that completed: a failed one may be short of disk, and its retry must find the lock free
                livePercent = code == ExitCode.COMPLETED && db.isH2File() ? livePercent(context) : 100;
            }
            DatabaseCompaction.compactIfMostlyDead(db, livePercent); // the job's connections are closed by now
            return code.code();
        }
    }

    private static SpringApplicationBuilder application(EncodingsAhead encodingsAhead, LoadedJobFile jobFile,
                                                        Map<String, Object> properties) {
        // main: Spring's AOT start-up (spring.aot.enabled) finds the bean definitions generated at build time by the
        // main class's name, which it otherwise takes from the call stack: a caller's own main (the bench's runs of the
        // job in one JVM) would find none and fail
        return new SpringApplicationBuilder(RfmApplication.class)
                .main(RfmApplication.class)
                .initializers(c -> {
                    c.getBeanFactory().registerSingleton("encodingsAhead", encodingsAhead);
                    if (jobFile != null) {
                        c.getBeanFactory().registerSingleton("loadedJobFile", jobFile);
                    }
                })
                .bannerMode(Banner.Mode.OFF)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(properties);
    }

    private static int livePercent(ConfigurableApplicationContext context) {
        try {
            return DatabaseCompaction.livePercent(context.getBean(DataSource.class));
        } catch (SQLException | RuntimeException e) {
            return 100; // not worth failing a run for: it is asked again after the next one
        }
    }

    /** Runs every as-of date from --from to --to in order, under one lock; stops at the first that does not complete. */
    private static ExitCode backfill(NightlyCommand command, RunOptions options) {
        long days = ChronoUnit.DAYS.between(options.from(), options.to()) + 1;
        int n = 0;
        for (LocalDate d = options.from(); !d.isAfter(options.to()); d = d.plusDays(1)) {
            System.out.println("Backfill: as-of " + d + " (" + ++n + " of " + days + ")");
            ExitCode code = command.run(options.withAsOf(d));
            if (code != ExitCode.COMPLETED) {
                System.err.println("rfm-nightly: the backfill stopped at as-of " + d + " (exit code " + code.code()
                        + "); dates before it are done, run the same command again to go on");
                return code;
            }
        }
        System.out.println("Backfill completed: " + days + " as-of dates from " + options.from() + " to " + options.to());
        return ExitCode.COMPLETED;
    }

    /**
     * The inputs' encodings, detected while Spring starts (the first date's, for a backfill). Only a head start:
     * an input folder that cannot be listed or a bad file pattern is left for the run to report as it always has.
     */
    private static EncodingsAhead encodingsAhead(RunOptions options, JobFile job) {
        try {
            Path firstInput = (options.backfill() ? options.withAsOf(options.from()) : options).inputFolder();
            return EncodingsAhead.start(NightlyRun.encodingsToDetect(job, firstInput));
        } catch (RuntimeException e) {
            return EncodingsAhead.none();
        }
    }

    static Map<String, Object> springProperties(RunOptions options, JobFile job, Database db) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("logging.file.name", LogFiles.today(job).toString());
        if (options.quiet()) {
            p.put("logging.threshold.console", "WARN");
        }
        p.putAll(db.springProperties());
        p.put("rfm.chunk-size", job.operations().chunkSize());
        p.put("spring.batch.job.enabled", "false");
        return p;
    }
}

package rfm.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import rfm.history.HistoryStore;
import rfm.ingest.BadInputException;
import rfm.revisit.RevisitOutcome;
import rfm.ingest.CsvInput;
import rfm.ingest.InputFile;

/**
 * Fails before any work when a required file or column is missing, then starts an empty staging folder and
 * tells the ledger which customers' rows decide what came of earlier revisit tasks.
 */
class PrepareTasklet implements Tasklet {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PrepareTasklet.class);

    private final NightlyRun run;
    private final HistoryStore history;

    PrepareTasklet(NightlyRun run, HistoryStore history) {
        this.run = run;
        this.history = history;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String unsafe = run.output().problemWith(run.inputFolder());
        if (unsafe != null) {
            throw new BadInputException(unsafe);
        }
        if (!Files.isDirectory(run.inputFolder())) {
            throw new BadInputException("the input folder " + run.inputFolder().toAbsolutePath() + " does not exist");
        }
        Map<Path, InputFile> all = new LinkedHashMap<>();
        for (InputFile file : InputFile.values()) {
            Path configured = run.inputFolder().resolve(run.job().inputs().of(file).file());
            if (Files.isDirectory(configured)) {
                throw new BadInputException(configured.getFileName() + " is a folder, not a file");
            }
            List<Path> paths = run.inputFiles(file);
            if (paths.isEmpty() && file.required()) {
                throw new BadInputException(run.job().inputs().of(file).file() + ": required input file is missing (looked in "
                        + run.inputFolder().toAbsolutePath() + ")");
            }
            for (Path path : paths) {
                if (!Files.isReadable(path)) {
                    throw new BadInputException(path.getFileName() + ": cannot be read (check its permissions)");
                }
                all.put(path, file);
            }
        }
        // encodings detected on both cores: detection reads each file through (the orders of a large shop: 500 MB)
        NightlyRun target = IngestRun.unproxied(run); // the proxy works on this thread only
        all.entrySet().parallelStream().forEach(e -> target.charset(e.getValue(), e.getKey()));
        for (InputFile file : InputFile.values()) {
            for (Path path : run.inputFiles(file)) {
                try (CsvInput in = run.openInput(file, path)) {
                    for (String note : in.header().ambiguities()) {
                        log.info("{}: {}", in.fileName(), note);
                    }
                    List<String> missing = in.header().missingRequiredFields();
                    if (!missing.isEmpty()) {
                        throw new BadInputException(in.fileName() + " line 1: missing required column(s) "
                                + missing.stream().map(f -> f + " (or " + String.join(", ", in.header().accepted(f).subList(1,
                                        in.header().accepted(f).size())) + ")").collect(Collectors.joining(", "))
                                + "; the header has: " + String.join(", ", in.header().names()));
                    }
                }
            }
        }
        // a restart of the same job instance keeps the staging folder and the ingest journals
        long instance = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        run.output().startRun(Long.toString(instance));
        // the revisit tasks whose follow-up window has passed: the ledger notes their customers' orders and replies
        int window = run.job().revisit().effectivenessWindowDays();
        run.followUps(history.tasksToFollowUp(run.asOf(), window).stream().map(t -> new RevisitOutcome(t, window)).toList());
        return RepeatStatus.FINISHED;
    }
}

package rfm.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import rfm.classify.ScoredCustomer;
import rfm.config.InputFileSettings;
import rfm.config.JobFile;
import rfm.ingest.CsvInput;
import rfm.ingest.Encodings;
import rfm.ingest.EncodingsAhead;
import rfm.ingest.FileCounts;
import rfm.ingest.InputFile;
import rfm.ingest.RejectedRow;
import rfm.measure.CustomerLedger;
import rfm.publish.OutputFolder;
import rfm.publish.RejectsFile;
import rfm.history.HistoryComparison;
import rfm.history.NightFigures;
import rfm.revisit.RevisitEffectiveness;
import rfm.revisit.RevisitOutcome;
import rfm.revisit.RevisitPlan;

/**
 * The state one execution of the nightly job shares between its steps (job-scoped): the job file, the as-of
 * date, where inputs and outputs are, the ledger the ingest steps fill, what became of every input row, and
 * the results the later steps write out.
 * <p>
 * The ingest steps run on two threads at once (orders beside customers then interactions): what they share
 * here is either read-only after construction, concurrent, or kept per input and touched by one thread only.
 */
public class NightlyRun {

    private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);

    private final JobFile job;
    private final EncodingsAhead encodingsAhead;
    private final String jobFileName;
    private final LocalDate asOf;
    private final Path input;
    private final OutputFolder output;
    private final CustomerLedger ledger;
    private final Map<InputFile, List<Path>> inputFiles = new EnumMap<>(InputFile.class);
    private final Map<Path, Charset> charsets = new ConcurrentHashMap<>();
    /** Filled once, in the constructor; only read afterwards, so the ingest threads may share it. */
    private final Map<String, FileCounts> counts = new LinkedHashMap<>();
    private final Map<String, RejectsFile> rejects = new ConcurrentHashMap<>();
    /** Per input, touched only by the thread of that input's step. */
    private final Map<InputFile, List<RejectedRow>> pendingRejects = new EnumMap<>(InputFile.class);
    private volatile Map<String, Long> scoredFileRows = Map.of();
    private volatile Map<String, Long> segmentFileRows = Map.of();
    private volatile Map<String, Long> taskFileRows = Map.of();
    private volatile Map<String, Long> historyFileRows = Map.of();
    private volatile List<RevisitOutcome> followUps = List.of();
    private volatile HistoryComparison history;
    private volatile NightFigures previousFigures;
    private volatile NightFigures figures;
    private volatile RevisitEffectiveness effectiveness;
    private volatile List<ScoredCustomer> scored = List.of();
    private volatile RevisitPlan revisitPlan = new RevisitPlan(List.of(), List.of());

    /** @param encodingsAhead encodings of input files detected ahead of the run (see {@link #encodingsToDetect}) */
    public NightlyRun(JobFile job, String jobFileName, LocalDate asOf, Path input, Path output,
                      EncodingsAhead encodingsAhead) {
        this.job = job;
        this.encodingsAhead = encodingsAhead;
        this.jobFileName = jobFileName;
        this.asOf = asOf;
        this.input = input;
        this.output = new OutputFolder(output, asOf);
        this.ledger = new CustomerLedger(job.measureSettings(asOf));
        for (InputFile f : InputFile.values()) {
            pendingRejects.put(f, new ArrayList<>());
            List<Path> files = find(input, job.inputs().of(f).file());
            inputFiles.put(f, files);
            if (files.isEmpty()) {
                counts.put(job.inputs().of(f).file(), new FileCounts(job.inputs().of(f).file(), f));
            }
            for (Path p : files) {
                FileCounts c = new FileCounts(p.getFileName().toString(), f);
                c.present(true);
                counts.put(c.file(), c);
            }
        }
        long orderRows = rowsGuess(inputFiles.get(InputFile.ORDERS));
        long interactionRows = rowsGuess(inputFiles.get(InputFile.INTERACTIONS));
        long customerRows = rowsGuess(inputFiles.get(InputFile.CUSTOMERS));
        ledger.expectOrders(orderRows);
        // a file names at most as many customers as it has rows, and most shops' rows name the customers they list
        ledger.expectCustomers(Math.min(orderRows, customerRows), Math.min(interactionRows, customerRows),
                customerRows);
    }

    /**
     * The rows the files hold, guessed from their size and the lines in their first MiB, less a tenth (the
     * order ids' set and the customers' tables are made a quarter above their guesses). A hint only: 0 when unsure
     * or when there is no file.
     */
    private static long rowsGuess(List<Path> files) {
        long rows = 0;
        byte[] head = new byte[1 << 20];
        for (Path p : files) {
            try (var in = Files.newInputStream(p)) {
                int n = in.readNBytes(head, 0, head.length);
                int lines = 0;
                for (int i = 0; i < n; i++) {
                    if (head[i] == '\n') {
                        lines++;
                    }
                }
                if (lines > 0) {
                    rows += Files.size(p) / Math.max(1, n / lines) * 9 / 10;
                }
            } catch (IOException e) {
                return 0; // read errors are reported where the file is read
            }
        }
        return rows;
    }

    /** The input files whose encoding the job file leaves to detection ({@code auto}), for {@link EncodingsAhead}. */
    public static List<Path> encodingsToDetect(JobFile job, Path input) {
        List<Path> files = new ArrayList<>();
        for (InputFile f : InputFile.values()) {
            if (job.inputs().of(f).charset() == null) {
                files.addAll(find(input, job.inputs().of(f).file()));
            }
        }
        return files;
    }

    /** The files a name or glob matches in the input folder, in name order. */
    private static List<Path> find(Path input, String nameOrGlob) {
        if (!nameOrGlob.matches(".*[*?\\[{].*")) {
            Path p = input.resolve(nameOrGlob);
            return Files.isRegularFile(p) ? List.of(p) : List.of();
        }
        if (!Files.isDirectory(input)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(input, nameOrGlob)) {
            dir.forEach(p -> {
                if (Files.isRegularFile(p)) {
                    found.add(p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + input, e);
        }
        found.sort(null);
        return found;
    }

    public JobFile job() {
        return job;
    }

    public String jobFileName() {
        return jobFileName;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public Path inputFolder() {
        return input;
    }

    /** The files of an input, in the order they are read. */
    public List<Path> inputFiles(InputFile file) {
        return inputFiles.get(file);
    }

    /** Opens one file of an input with its encoding (detected once, when the job file says auto), delimiter and header aliases. */
    public CsvInput openInput(InputFile file, Path path) {
        InputFileSettings settings = job.inputs().of(file);
        Charset charset = charset(file, path);
        Map<String, List<String>> aliases = new HashMap<>();
        for (String field : file.requiredFields()) {
            aliases.put(field, settings.aliases(field));
        }
        for (String field : file.optionalFields()) {
            aliases.put(field, settings.aliases(field));
        }
        return CsvInput.open(path, file, charset, settings.delimiterChar(), aliases);
    }

    /** The encoding of one file of an input: from the job file, or detected once (when it says auto). */
    public Charset charset(InputFile file, Path path) {
        return charsets.computeIfAbsent(path, p -> {
            Charset chosen = job.inputs().of(file).charset();
            String how = chosen == null ? null : chosen.name() + " (from the job file)";
            if (chosen == null) {
                Encodings.Detected detected = encodingsAhead.detect(p);
                chosen = detected.charset();
                how = chosen.name() + " (auto: " + detected.why() + ")";
            }
            log.info("{}: reading as {}", p.getFileName(), how);
            counts(p.getFileName().toString()).encoding(how);
            return chosen;
        });
    }

    public OutputFolder output() {
        return output;
    }

    public Path staging() {
        return output.staging();
    }

    public CustomerLedger ledger() {
        return ledger;
    }

    public FileCounts counts(String fileName) {
        return counts.get(fileName);
    }

    /** Counts of every input file, by input and then name; absent optional inputs included. */
    public List<FileCounts> allCounts() {
        return List.copyOf(counts.values());
    }

    /** Where the ingest journals of this run are kept until it is published (never inside the published folder). */
    public Path journalFolder() {
        return output.journal();
    }

    /** The rejects file of an input file (created on its first row). */
    RejectsFile rejectsFile(String inputFile) {
        return rejects.computeIfAbsent(inputFile, f -> new RejectsFile(staging().resolve("rejects").resolve(rejectsName(f)),
                job.outputs().analystBom()));
    }

    /**
     * Counts a row as rejected; it is written to {@code rejects/<its file>.csv} at the next {@link #flushRejects()}.
     * Bad rows (skipped while processing) and duplicates (found while writing) of a chunk arrive apart.
     */
    public void reject(RejectedRow row) {
        FileCounts c = counts(row.file());
        c.rejected(row);
        pendingRejects.get(c.input()).add(row);
    }

    /** Writes the rejected rows of an input gathered so far, in line order. */
    public void flushRejects(InputFile input) {
        List<RejectedRow> pending = pendingRejects.get(input);
        pending.sort(Comparator.comparingLong(RejectedRow::line));
        for (RejectedRow row : pending) {
            rejectsFile(row.file()).write(row);
        }
        pending.clear();
    }

    /** Where the rejects of an input file go, relative to the run's folder: {@code rejects/<file>.csv}. */
    public static String rejectsPath(String inputFile) {
        return "rejects/" + rejectsName(inputFile);
    }

    private static String rejectsName(String inputFile) {
        return inputFile.toLowerCase(Locale.ROOT).endsWith(".csv") ? inputFile : inputFile + ".csv";
    }

    /** Writes what is pending and closes the rejects files of an input (when its step's writer closes). */
    public void closeRejects(InputFile input) {
        flushRejects(input);
        for (FileCounts c : counts.values()) {
            RejectsFile file = c.input() == input ? rejects.get(c.file()) : null;
            if (file != null) {
                file.close();
            }
        }
    }

    /** Rows written per output file (path relative to the run's folder), for the summary. */
    public Map<String, Long> outputRows() {
        Map<String, Long> rows = new LinkedHashMap<>(scoredFileRows); // a fixed order, whichever step ended first
        rows.putAll(segmentFileRows);
        rows.putAll(historyFileRows);
        rows.putAll(taskFileRows);
        return rows;
    }

    /** customers_scored.csv is written (beside the task files and the segment files, on other threads). */
    void scoredFileWritten(Map<String, Long> rows) {
        scoredFileRows = new LinkedHashMap<>(rows);
    }

    /** The segment files are written (beside the history's comparison and the task files). */
    void segmentFilesWritten(Map<String, Long> rows) {
        segmentFileRows = new LinkedHashMap<>(rows);
    }

    /** crm_delta.csv and revisit_effectiveness.csv are written. */
    void historyFilesWritten(Map<String, Long> rows) {
        historyFileRows = new LinkedHashMap<>(rows);
    }

    /** The task files are written. */
    void taskFilesWritten(Map<String, Long> rows) {
        taskFileRows = new LinkedHashMap<>(rows);
    }

    public List<ScoredCustomer> scored() {
        return scored;
    }

    public void scored(List<ScoredCustomer> customers) {
        this.scored = List.copyOf(customers);
    }

    /**
     * The issued tasks whose outcome this night decides; the ledger follows their customers' orders and replies
     * as the inputs are read. Set before the first row.
     */
    public void followUps(List<RevisitOutcome> outcomes) {
        followUps = List.copyOf(outcomes);
        ledger.watch(RevisitOutcome.watches(followUps));
    }

    public List<RevisitOutcome> followUps() {
        return followUps;
    }

    /** Tonight against the previous recorded night (set by the compareHistory step). */
    public HistoryComparison history() {
        if (history == null) {
            throw new IllegalStateException("the history comparison is not made yet");
        }
        return history;
    }

    void history(HistoryComparison comparison) {
        history = comparison;
    }

    /** The headline figures recorded with the night compared with, or null (set by the compareHistory step). */
    public NightFigures previousFigures() {
        return previousFigures;
    }

    void previousFigures(NightFigures f) {
        previousFigures = f;
    }

    /** Tonight's headline figures (set by the summarize step). */
    public NightFigures figures() {
        if (figures == null) {
            throw new IllegalStateException("the night's figures are not worked out yet");
        }
        return figures;
    }

    void figures(NightFigures f) {
        figures = f;
    }

    public RevisitEffectiveness effectiveness() {
        return effectiveness;
    }

    void effectiveness(RevisitEffectiveness e) {
        effectiveness = e;
    }

    public RevisitPlan revisitPlan() {
        return revisitPlan;
    }

    public void revisitPlan(RevisitPlan plan) {
        this.revisitPlan = plan;
    }
}

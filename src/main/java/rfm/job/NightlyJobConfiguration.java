package rfm.job;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.springframework.jdbc.core.JdbcTemplate;

import rfm.history.HistoryStore;
import rfm.measure.CustomerLedger;

import rfm.config.JobFile;
import rfm.config.JobFileLoader;
import rfm.config.LoadedJobFile;
import rfm.ingest.EncodingsAhead;
import rfm.ingest.InputFile;

/**
 * Wires the nightly job: prepare, read customers, orders and interactions into the ledger (two threads), check rejects,
 * score, then on three threads: compare with the previous night in the history, then write customers_scored.csv and
 * crm_delta.csv beside the states going into the history; plan and write the revisit tasks; write the segment files. Then summarize,
 * publish. Every step
 * starts again on a restart: an ingest step that had finished replays its journal into the in-memory ledger,
 * the one that failed resumes from its last committed chunk (see {@link IngestCheckpoint}), and the steps
 * after ingest, cheap and pure, run again.
 */
@Configuration
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightly";
    /** The steps in the job's order (steps side by side listed as in the flow); for listings that must not vary. */
    static final List<String> STEP_ORDER = List.of("prepare", "readOrders", "readCustomers", "readInteractions",
            "checkRejects", "score", "compareHistory", "writeCustomerFiles", "writeSegmentFiles", "planRevisits", "summarize",
            "recordStates", "publish");
    private static final StepLog STEP_LOG = new StepLog();

    /** Rows per ingest chunk: the job file's {@code operations.chunk-size}, which the command passes on. */
    private static final String CHUNK_SIZE = "${rfm.chunk-size:100000}";

    @Bean
    @JobScope
    NightlyRun nightlyRun(@Value("#{jobParameters['asOf']}") LocalDate asOf,
                          @Value("#{jobParameters['input']}") String input,
                          @Value("#{jobParameters['output']}") String output,
                          @Value("#{jobParameters['jobFile']}") String jobFile,
                          ObjectProvider<EncodingsAhead> encodingsAhead, ObjectProvider<LoadedJobFile> loaded) {
        // the job file as the command checked it when it started, when it is the same file (see LoadedJobFile)
        LoadedJobFile started = loaded.getIfAvailable();
        JobFile job = started == null ? JobFileLoader.load(Path.of(jobFile)) : started.at(Path.of(jobFile));
        return new NightlyRun(job, jobFile, asOf, Path.of(input), Path.of(output),
                encodingsAhead.getIfAvailable(EncodingsAhead::none));
    }

    /**
     * The job keeps both cores busy where the work splits: the ingest steps read orders (the biggest input) on one
     * thread and customers then interactions on another, sharing only the ledger, whose parts per kind of row are
     * separate (see {@link CustomerLedger}); after scoring, the revisit tasks are planned and written on one thread,
     * the segment files (which need only the scores) on another, while on a third the history's comparison runs and
     * then customers_scored.csv (which shows the previous night's segment and stage) and the comparison's own files
     * (crm_delta.csv, revisit_effectiveness.csv) are written beside the customers' states going into the history,
     * which start as soon as the comparison is done (on a first night they are the branch's longest part). On a night after the first the comparison is the longest branch (it reads the
     * previous night's million states), so nothing that needs only the scores waits for it.
     */
    @Bean
    Job nightlyJob(JobRepository repository, Step prepare, Step readCustomers, Step readOrders, Step readInteractions,
                   Step checkRejects, Step score, Step compareHistory, Step writeCustomerFiles, Step writeSegmentFiles,
                   Step planRevisits, Step recordStates, Step summarize, Step publish, StatesWrites statesWrites) {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("rfm-");
        Flow ingest = sideBySide("ingest", threads,
                new FlowBuilder<SimpleFlow>("ingestOrders").start(readOrders).build(),
                new FlowBuilder<SimpleFlow>("ingestCustomersAndInteractions").start(readCustomers).next(readInteractions).build());
        // the revisit plan and the segment files need only the scores, so they start beside the history's comparison;
        // the comparison starts tonight's states going into the history on a thread of their own (StatesWrite),
        // which the recordStates step waits for after the summary
        Flow results = sideBySide("results", threads,
                new FlowBuilder<SimpleFlow>("historyAndFiles").start(compareHistory).next(writeCustomerFiles).build(),
                new FlowBuilder<SimpleFlow>("revisits").start(planRevisits).build(),
                new FlowBuilder<SimpleFlow>("segmentFiles").start(writeSegmentFiles).build());
        Flow nightly = new FlowBuilder<SimpleFlow>("nightlyFlow").start(prepare).next(ingest)
                .next(checkRejects).next(score).next(results).next(summarize).next(recordStates).next(publish)
                .build();
        return new JobBuilder(JOB_NAME, repository).listener(statesWrites).start(nightly).end().build();
    }

    /** Flows side by side, on a thread each. */
    private static Flow sideBySide(String name, SimpleAsyncTaskExecutor threads, Flow... flows) {
        return new FlowBuilder<SimpleFlow>(name).split(threads).add(flows).build();
    }

    @Bean
    HistoryStore historyStore(JdbcTemplate jdbc, PlatformTransactionManager tm) {
        TransactionTemplate own = new TransactionTemplate(tm);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new HistoryStore(jdbc, own);
    }

    @Bean
    Step prepare(JobRepository repository, PlatformTransactionManager tm, NightlyRun run, HistoryStore history) {
        return tasklet("prepare", new PrepareTasklet(run, history), repository, tm);
    }

    @Bean
    Step readCustomers(JobRepository repository, PlatformTransactionManager tm, NightlyRun run, @Value(CHUNK_SIZE) int chunkSize) {
        return ingest("readCustomers", InputFile.CUSTOMERS, repository, tm, run, chunkSize);
    }

    @Bean
    Step readOrders(JobRepository repository, PlatformTransactionManager tm, NightlyRun run, @Value(CHUNK_SIZE) int chunkSize) {
        return ingest("readOrders", InputFile.ORDERS, repository, tm, run, chunkSize);
    }

    @Bean
    Step readInteractions(JobRepository repository, PlatformTransactionManager tm, NightlyRun run, @Value(CHUNK_SIZE) int chunkSize) {
        return ingest("readInteractions", InputFile.INTERACTIONS, repository, tm, run, chunkSize);
    }

    @Bean
    Step checkRejects(JobRepository repository, PlatformTransactionManager tm, NightlyRun run) {
        return tasklet("checkRejects", new CheckRejectsTasklet(run), repository, tm);
    }

    @Bean
    Step score(JobRepository repository, PlatformTransactionManager tm, NightlyRun run) {
        return tasklet("score", new ScoreTasklet(run), repository, tm);
    }

    @Bean
    StatesWrites statesWrites() {
        return new StatesWrites();
    }

    @Bean
    Step compareHistory(JobRepository repository, PlatformTransactionManager tm, NightlyRun run, HistoryStore history,
                        StatesWrites statesWrites) {
        return tasklet("compareHistory", new HistoryTasklet(run, history, statesWrites), repository, tm);
    }

    @Bean
    Step writeCustomerFiles(JobRepository repository, PlatformTransactionManager tm, NightlyRun run) {
        return tasklet("writeCustomerFiles", new CustomerFilesTasklet(run, CustomerFilesTasklet.Files.SCORED), repository, tm);
    }

    @Bean
    Step writeSegmentFiles(JobRepository repository, PlatformTransactionManager tm, NightlyRun run) {
        return tasklet("writeSegmentFiles", new CustomerFilesTasklet(run, CustomerFilesTasklet.Files.SEGMENTS), repository, tm);
    }

    @Bean
    Step planRevisits(JobRepository repository, PlatformTransactionManager tm, NightlyRun run) {
        return tasklet("planRevisits", new RevisitTasklet(run), repository, tm);
    }

    @Bean
    Step recordStates(JobRepository repository, PlatformTransactionManager tm, NightlyRun run, StatesWrites statesWrites) {
        return tasklet("recordStates", new HistoryStatesTasklet(run, statesWrites), repository, tm);
    }

    @Bean
    Step summarize(JobRepository repository, PlatformTransactionManager tm, NightlyRun run, RunMetrics metrics) {
        return tasklet("summarize", new SummaryTasklet(run, metrics), repository, tm);
    }

    @Bean
    Step publish(JobRepository repository, PlatformTransactionManager tm, NightlyRun run, HistoryStore history) {
        return tasklet("publish", new PublishTasklet(run, history), repository, tm);
    }

    private static Step tasklet(String name, Tasklet tasklet, JobRepository repository, PlatformTransactionManager tm) {
        return new StepBuilder(name, repository).tasklet(tasklet, tm).allowStartIfComplete(true).listener(STEP_LOG).build();
    }

    private static Step ingest(String name, InputFile file, JobRepository repository, PlatformTransactionManager tm,
                               NightlyRun run, int chunkSize) {
        IngestRun current = new IngestRun(run);
        InputFileReader reader = new InputFileReader(current, file, chunkSize);
        IngestCheckpoint checkpoint = new IngestCheckpoint(current, file, reader);
        // one item per chunk: a block of chunkSize rows, so the chunk still commits every chunkSize rows
        return new StepBuilder(name, repository).<ParsedBlock, ParsedBlock>chunk(1)
                .transactionManager(tm)
                .reader(reader)
                .writer(new LedgerWriter(current, file, reader, checkpoint))
                .stream(checkpoint)
                .listener((StepExecutionListener) STEP_LOG)
                .listener((StepExecutionListener) checkpoint) // after-step listeners run last first: the counts before the log line
                .allowStartIfComplete(true)
                .build();
    }
}

package rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/rfm-nightly.sh as cron runs it, against the packaged jar. */
class NightlyScriptIT {

    static final Path SCRIPT = Path.of("scripts/rfm-nightly.sh").toAbsolutePath();

    @TempDir
    Path tmp;

    record Result(int exitCode, String output, Duration took) {
    }

    private Result script(String... args) throws IOException, InterruptedException {
        return scriptWith(null, args);
    }

    /** The script with RFM_EXTRA_JAVA_OPTS (when not null) and without JAVA_OPTS: the run script's own defaults. */
    private Result scriptWith(String extraJavaOpts, String... args) throws IOException, InterruptedException {
        return scriptWithEnvironment(extraJavaOpts == null ? Map.of() : Map.of("RFM_EXTRA_JAVA_OPTS", extraJavaOpts), args);
    }

    /** The script with these environment variables added, and without JAVA_OPTS. */
    private Result scriptWithEnvironment(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output, Duration.ofNanos(System.nanoTime() - start));
    }

    @Test
    void runsTheSampleShopAndSaysWhereTheResultsAre() throws Exception {
        Result r = script("--input", "sample-data", "--output", tmp.resolve("out").toString(), "--as-of", "2026-11-22",
                "--db", tmp.resolve("db").toString(), "--job", "sample-data/sample-shop.yml");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("Completed: as-of 2026-11-22");
        assertThat(tmp.resolve("out/2026-11-22/customers_scored.csv")).exists();
    }

    /**
     * The script's collector settings let the heap grow past where it starts: a night whose data outgrows the start
     * pays a few full collections, not one at every young collection. With the parallel collector's adaptive sizing
     * off (the defaults before) the old generation never grew: from an 8 MiB start the sample shop took 1,615 full
     * collections (34 s instead of 3), and a bigger night never finished.
     */
    @Test
    void aNightWhoseDataOutgrowsTheHeapsStartGrowsIt() throws Exception {
        Path gcLog = tmp.resolve("gc.log");
        Result r = scriptWith("-Xms8m -Xlog:gc:file=" + gcLog, "--input", "sample-data", "--output", tmp.resolve("out").toString(),
                "--as-of", "2026-11-22", "--db", tmp.resolve("db").toString(), "--job", "sample-data/sample-shop.yml", "--quiet");
        assertThat(r.exitCode()).as(r.output()).isZero();
        List<String> collections = Files.readAllLines(gcLog).stream().filter(l -> l.contains("Pause ")).toList();
        assertThat(collections).as("the collector ran").anyMatch(l -> l.contains("Pause Young"));
        assertThat(collections.stream().filter(l -> l.contains("Pause Full")).count()).as(String.join("\n", collections))
                .isLessThan(20);
    }

    /**
     * RFM_PRINT_JAVA_OPTS=1 prints the options a run on these inputs would get, one per line, and runs nothing, nor
     * takes the database's lock: for 700 MB of input the initial heap worked out for big inputs, for the sample shop
     * alone none; RFM_EXTRA_JAVA_OPTS last, so that it wins. The bench's runs of the job in one JVM use them.
     */
    @Test
    void printsTheJavaOptionsARunWouldGetWithoutRunningIt() throws Exception {
        Path big = sampleShopWith700MbBeside(tmp.resolve("big"));
        Map<String, String> print = Map.of("RFM_PRINT_JAVA_OPTS", "1", "RFM_EXTRA_JAVA_OPTS", "-Dmarker=last");
        Result forBig = scriptWithEnvironment(print, "--input", big.toString(), "--output", tmp.resolve("out").toString(),
                "--as-of", "2026-11-22", "--db", tmp.resolve("db").toString(), "--job", "sample-data/sample-shop.yml");
        Result forSample = scriptWithEnvironment(print, "--input", "sample-data", "--output", tmp.resolve("out").toString(),
                "--as-of", "2026-11-22", "--db", tmp.resolve("db").toString(), "--job", "sample-data/sample-shop.yml");

        assertThat(forBig.exitCode()).as(forBig.output()).isZero();
        assertThat(printedOptions(forBig)).contains("-XX:+UseParallelGC", "-XX:+AlwaysPreTouch")
                .anyMatch(o -> o.startsWith("-Xms")).endsWith("-Dmarker=last");
        assertThat(forSample.exitCode()).as(forSample.output()).isZero();
        assertThat(printedOptions(forSample)).contains("-XX:+UseParallelGC").noneMatch(o -> o.startsWith("-Xms"))
                .endsWith("-Dmarker=last");
        assertThat(tmp.resolve("out")).as("no run").doesNotExist();
        assertThat(tmp.resolve("db.mv.db")).as("no run").doesNotExist();
        assertThat(tmp.resolve("db.lock")).as("no lock taken").doesNotExist();
    }

    /** The options printed by RFM_PRINT_JAVA_OPTS=1: the lines from the first one, after what a build printed. */
    private static List<String> printedOptions(Result r) {
        List<String> lines = r.output().lines().toList();
        int first = lines.indexOf("-Dspring.aot.enabled=true");
        assertThat(first).as(r.output()).isNotNegative();
        return lines.subList(first, lines.size());
    }

    /**
     * A maximum heap given in RFM_EXTRA_JAVA_OPTS is kept, and the script then leaves out the initial heap it works
     * out from the input's size, which for 700 MB of input (here a sparse file beside the sample shop's, which the
     * job does not read) is larger: both together stopped the JVM from starting.
     */
    @Test
    void aMaximumHeapInTheExtraOptionsIsTakenWhateverTheInputsSize() throws Exception {
        Path input = sampleShopWith700MbBeside(tmp.resolve("input"));
        Result r = scriptWith("-Xmx400m", "--input", input.toString(), "--output", tmp.resolve("out").toString(),
                "--as-of", "2026-11-22", "--db", tmp.resolve("db").toString(), "--job", "sample-data/sample-shop.yml", "--quiet");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).doesNotContain("Initial heap size");
    }

    /**
     * An input folder that the run script sizes as 700 MB of input: the sample shop's files and a sparse file beside
     * them, which the job does not read.
     */
    private static Path sampleShopWith700MbBeside(Path input) throws IOException {
        Files.createDirectories(input);
        for (String f : List.of("customers.csv", "orders.csv", "interactions.csv")) {
            Files.copy(Path.of("sample-data").resolve(f), input.resolve(f));
        }
        try (var padding = new java.io.RandomAccessFile(input.resolve("padding.csv").toFile(), "rw")) {
            padding.setLength(700L << 20);
        }
        return input;
    }

    @Test
    void whileAnotherRunHoldsTheLockTheScriptExitsThreeWithoutWaiting() throws Exception {
        Path db = tmp.resolve("db");
        Files.writeString(Path.of(db + ".lock"), "");
        Process holder = new ProcessBuilder("flock", db + ".lock", "sleep", "30").start();
        try {
            Thread.sleep(300); // let flock take the lock
            Result r = script("--input", "sample-data", "--output", tmp.resolve("out").toString(), "--as-of", "2026-11-22",
                    "--db", db.toString(), "--job", "sample-data/sample-shop.yml");
            assertThat(r.exitCode()).as(r.output()).isEqualTo(3);
            assertThat(r.output()).contains("another run holds the lock");
            assertThat(r.took()).isLessThan(Duration.ofSeconds(10)); // at once: no waiting for the holder
            assertThat(tmp.resolve("out")).doesNotExist();
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void afterKillMinusNineTheSameCommandResumesAndPublishesWhatAnUninterruptedRunWould() throws Exception {
        Path input = tmp.resolve("in");
        Files.createDirectories(input);
        StringBuilder orders = new StringBuilder("order_id,customer_id,order_date,amount,status\n");
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 1_000_000; i++) {
            orders.append('O').append(i).append(",C").append(random.nextInt(50_000)).append(",2026-")
                    .append(String.format("%02d-%02d", 1 + random.nextInt(11), 1 + random.nextInt(28))).append(',')
                    .append(random.nextInt(100_000) / 100.0).append(random.nextInt(10) == 0 ? ",REFUNDED\n" : ",PAID\n");
        }
        Files.writeString(input.resolve("orders.csv"), orders);
        Path out = tmp.resolve("out");
        Path db = tmp.resolve("db");
        String[] args = {"--input", input.toString(), "--output", out.toString(), "--as-of", "2026-11-22", "--db", db.toString()};

        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process first = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("first.log").toFile()).start();
        Path journal = out.resolve(".2026-11-22.journal/orders.journal");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(journal) && Files.size(journal) > 12_000_000) && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(first.isAlive()).as("still reading orders when killed").isTrue();
        first.destroyForcibly(); // SIGKILL: the script exec'd into java, so this is the job itself
        first.waitFor(10, TimeUnit.SECONDS);
        assertThat(out.resolve("2026-11-22")).doesNotExist();

        Result resumed = script(args);
        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("was killed while running; marking it failed and resuming it");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath(), "sa", "");
             var rs = connection.createStatement().executeQuery("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION"
                     + " WHERE STEP_NAME = 'readOrders' ORDER BY STEP_EXECUTION_ID DESC")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("the resumed step read only what was left").isLessThan(1_000_000L);
        }

        Result clean = script("--input", input.toString(), "--output", tmp.resolve("clean").toString(), "--as-of", "2026-11-22",
                "--db", tmp.resolve("clean-db").toString());
        assertThat(clean.exitCode()).isZero();
        for (String file : List.of("customers_scored.csv", "revisit_tasks.csv", "segments/LOYAL.csv")) {
            assertThat(Files.readAllBytes(out.resolve("2026-11-22").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("clean/2026-11-22").resolve(file)));
        }
    }
}

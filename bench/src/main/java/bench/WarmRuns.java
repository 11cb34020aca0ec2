package bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The WARM=N part of {@code scripts/bench.sh}: the whole nightly job run N times in one JVM, each a first night
 * on its own output folder and database, as the bench's rounds are. The first run warms the code up as every run of
 * the README's command does (classes loaded and initialised, code interpreted, then compiled by C1 and C2 while it
 * runs); the later ones find the code compiled, so they show the job's own work without that warm-up. The times are
 * taken inside the JVM: its own start (and, for big inputs, the touch of its initial heap) is in none of them.
 *
 * <pre>
 *   java [the run script's options] -cp PRODUCT_JAR:bench/target/classes bench.WarmRuns N INPUT AS_OF JOB WORK DUCKDB_S
 * </pre>
 *
 * The product is called by reflection ({@code rfm.RfmApplication.run(String...)}, the same entry as the run
 * script's), so this project needs no build dependency on it. A run's standard output goes to
 * {@code WORK/run-I.console.log}. Prints each run's wall seconds and its ratio to DUCKDB_S (DuckDB's median wall
 * seconds in the same bench); exits 1 when a run does not complete or its customers_scored.csv differs from the first
 * run's (the runs must do the same work), 2 on bad usage.
 */
public final class WarmRuns {

    private WarmRuns() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 0;
        double duck = 0;
        try {
            if (args.length == 6) {
                runs = Integer.parseInt(args[0]);
                duck = Double.parseDouble(args[5]);
            }
        } catch (NumberFormatException e) {
            runs = 0;
        }
        if (runs < 1 || !(duck > 0)) {
            System.err.println("usage: WarmRuns N INPUT AS_OF JOB_FILE WORK DUCKDB_SECONDS (N >= 1, DUCKDB_SECONDS > 0)");
            System.exit(2);
        }
        String input = args[1];
        String asOf = args[2];
        String jobFile = args[3];
        Path work = Path.of(args[4]);
        Method run = Class.forName("rfm.RfmApplication").getMethod("run", String[].class);
        PrintStream report = System.out;
        String first = null;
        report.printf("%-5s %8s %11s%n", "run", "wall s", "job/duckdb");
        for (int i = 1; i <= runs; i++) {
            Path dir = work.resolve("run-" + i);
            Path out = dir.resolve("out");
            Path console = work.resolve("run-" + i + ".console.log");
            String[] jobArgs = {"--input", input, "--output", out.toString(), "--as-of", asOf, "--job", jobFile,
                    "--db", dir.resolve("db").toString(), "--quiet"};
            long start;
            double seconds;
            int code;
            try (PrintStream runOut = new PrintStream(Files.newOutputStream(console), true, StandardCharsets.UTF_8)) {
                System.setOut(runOut); // the job's own lines, as the run script's console would show them
                start = System.nanoTime();
                try {
                    code = (int) run.invoke(null, (Object) jobArgs);
                } catch (InvocationTargetException e) {
                    System.err.printf("WarmRuns: run %d failed: %s (its console: %s)%n", i, e.getCause(), console);
                    e.getCause().printStackTrace();
                    System.exit(1);
                    return;
                }
                seconds = (System.nanoTime() - start) / 1e9;
            } finally {
                System.setOut(report);
            }
            if (code != 0) {
                System.err.printf("WarmRuns: run %d exited %d (its console: %s)%n", i, code, console);
                System.exit(1);
            }
            String digest = sha256(out.resolve(asOf).resolve("customers_scored.csv"));
            if (first == null) {
                first = digest;
            } else if (!first.equals(digest)) {
                System.err.printf("WarmRuns: run %d's customers_scored.csv differs from the first run's%n", i);
                System.exit(1);
            }
            report.printf("%-5d %8.2f %10.2fx%n", i, seconds, seconds / duck);
            deleteTree(dir); // a large night's outputs are 700 MB: keep none
            System.gc(); // the last run's garbage is not the next run's to collect
        }
        report.println("every run's customers_scored.csv is the same (SHA-256 " + first.substring(0, 16) + "...)");
        System.exit(0); // a pool thread a run left behind would otherwise keep the JVM up
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

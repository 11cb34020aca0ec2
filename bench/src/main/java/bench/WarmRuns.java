package bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The WARM=N part of {@code scripts/bench.sh}: the whole nightly job run N times in one JVM, each run a first night
 * on its own output folder and database, as the bench's rounds are. The first run pays what every run through the
 * README's command pays (classes loaded and initialised, code interpreted, then compiled by C1 and C2 while it
 * runs); the later ones find the code compiled, so they show the job's own work without the JVM's warm-up.
 *
 * <pre>
 *   java [the run script's options] -cp PRODUCT_JAR:bench/target/classes bench.WarmRuns N INPUT AS_OF JOB WORK DUCKDB_S
 * </pre>
 *
 * The product is called by reflection ({@code rfm.RfmApplication.run(String...)}, the same entry as the run
 * script's), so this project needs no build dependency on it. Prints each run's wall seconds and its ratio to
 * DUCKDB_S (DuckDB's median wall seconds in the same bench); exits 1 when a run does not complete or its
 * customers_scored.csv differs from the first run's (the runs must do the same work), 2 on bad usage.
 */
public final class WarmRuns {

    private WarmRuns() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: WarmRuns N INPUT AS_OF JOB_FILE WORK DUCKDB_SECONDS");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[0]);
        String input = args[1];
        String asOf = args[2];
        String jobFile = args[3];
        Path work = Path.of(args[4]);
        double duck = Double.parseDouble(args[5]);
        Method run = Class.forName("rfm.RfmApplication").getMethod("run", String[].class);
        String first = null;
        PrintStream report = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream())); // the job's own "Completed: ..." lines
        report.printf("%-5s %8s %11s%n", "run", "wall s", "job/duckdb");
        for (int i = 1; i <= runs; i++) {
            Path dir = work.resolve("run-" + i);
            Path out = dir.resolve("out");
            String[] jobArgs = {"--input", input, "--output", out.toString(), "--as-of", asOf, "--job", jobFile,
                    "--db", dir.resolve("db").toString(), "--quiet"};
            long start = System.nanoTime();
            int code = (int) run.invoke(null, (Object) jobArgs);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (code != 0) {
                System.err.printf("WarmRuns: run %d exited %d%n", i, code);
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
        System.exit(0); // the job's pools are closed; nothing else should keep the JVM up
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

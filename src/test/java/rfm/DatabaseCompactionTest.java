package rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseCompactionTest {

    @TempDir
    Path tmp;

    /**
     * A table of ten thousand rows of 200 characters, written in one commit, then {@code nights} commits that each
     * rewrite a tenth of its rows, spread over all of its pages.
     */
    private static void nights(Database db, int nights) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS night (id INT PRIMARY KEY, v VARCHAR)");
                s.execute("MERGE INTO night SELECT X, REPEAT('a', 200) FROM SYSTEM_RANGE(1, 10000)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement("UPDATE night SET v = ? WHERE MOD(id, 10) = 0")) {
                for (int night = 1; night <= nights; night++) {
                    update.setString(1, String.valueOf((char) ('a' + night % 26)).repeat(200));
                    update.executeUpdate();
                    c.commit();
                }
            }
        }
    }

    private static int livePercent(Database db) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(db.url());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        return DatabaseCompaction.livePercent(ds);
    }

    private static long rows(Database db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), SUM(LENGTH(v)) FROM night")) {
            r.next();
            return r.getLong(1) * 1_000_000 + r.getLong(2);
        }
    }

    @Test
    void theJobsH2FileIsNotCompactedWhenItClosesButWhenMostOfItIsDeadAfterARun() throws Exception {
        Database db = Database.of(tmp.resolve("db").toString(), null, Map.of());
        assertThat(db.url()).contains(";MAX_COMPACT_TIME=0");
        assertThat(db.h2File()).isEqualTo(tmp.resolve("db.mv.db").toAbsolutePath());

        nights(db, 0);
        long firstNight = Files.size(db.h2File());
        int fresh = livePercent(db);
        assertThat(fresh).isGreaterThanOrEqualTo(DatabaseCompaction.LIVE_PERCENT_TO_COMPACT);
        DatabaseCompaction.compactIfMostlyDead(db, fresh);
        // left as it is (opening and closing it adds a page or two)
        assertThat(Files.size(db.h2File())).as("mostly live: not compacted").isGreaterThanOrEqualTo(firstNight);

        nights(db, 20); // every commit writes the changed pages anew; closing does not take the old ones back
        long grown = Files.size(db.h2File());
        int dead = livePercent(db);
        assertThat(grown).isGreaterThan(3 * firstNight).isGreaterThan(DatabaseCompaction.SMALLEST_FILE_TO_COMPACT);
        assertThat(dead).isLessThan(DatabaseCompaction.LIVE_PERCENT_TO_COMPACT);
        long content = rows(db);

        DatabaseCompaction.compactIfMostlyDead(db, dead);

        assertThat(Files.size(db.h2File())).isLessThan(grown / 3);
        assertThat(rows(db)).isEqualTo(content);
        assertThat(livePercent(db)).isGreaterThanOrEqualTo(DatabaseCompaction.LIVE_PERCENT_TO_COMPACT);
    }

    @Test
    void aSmallFileIsLeftAsItIsHoweverMuchOfItIsDead() throws Exception {
        Database db = Database.of(tmp.resolve("db").toString(), null, Map.of());
        nights(db, 3);
        long small = Files.size(db.h2File());
        int dead = livePercent(db);
        assertThat(small).isLessThan(DatabaseCompaction.SMALLEST_FILE_TO_COMPACT);
        assertThat(dead).isLessThan(DatabaseCompaction.LIVE_PERCENT_TO_COMPACT);

        DatabaseCompaction.compactIfMostlyDead(db, dead);

        assertThat(Files.size(db.h2File())).isGreaterThanOrEqualTo(small);
    }

    @Test
    void aFailedCompactionLeavesTheFileAndTheRunAlone() throws Exception {
        Database db = Database.of(tmp.resolve("db").toString(), null, Map.of());
        nights(db, 20);
        long content = rows(db);
        long grown = Files.size(db.h2File());
        Database wrongPassword = new Database(db.url(), db.user(), "not-the-password", db.lockFile());

        DatabaseCompaction.compactIfMostlyDead(wrongPassword, 10); // logged, not thrown

        assertThat(Files.size(db.h2File())).isGreaterThanOrEqualTo(grown);
        assertThat(rows(db)).isEqualTo(content);
    }

    @Test
    void anyOtherDatabaseIsLeftToLookAfterItself() {
        Database postgres = Database.of("jdbc:postgresql://127.0.0.1:5432/test", null, Map.of());

        DatabaseCompaction.compactIfMostlyDead(postgres, 0); // never connects: nothing to do for a server

        assertThat(postgres.url()).doesNotContain("MAX_COMPACT_TIME");
    }
    /** What the last {@link #run} wrote to standard error: shown when its exit code is not the one expected. */
    private String lastErrors = "";

    private int run(Path input, Path job) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            return RfmApplication.run("--input", input.toString(), "--output", tmp.resolve("out").toString(),
                    "--as-of", "2026-11-22", "--db", tmp.resolve("db").toString(), "--job", job.toString());
        } finally {
            lastErrors = errors.toString(StandardCharsets.UTF_8);
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void theJobCompactsItsFileAfterARunThatCompletedNotAfterOneThatFailed() throws Exception {
        Database db = Database.of(tmp.resolve("db").toString(), null, Map.of());
        nights(db, 20); // a file of the job's URL, mostly dead space, that the job's tables then join
        long bloated = Files.size(db.h2File());
        Path logs = tmp.resolve("logs");
        Path job = Files.writeString(tmp.resolve("job.yml"), "extends: " + Path.of("sample-data/sample-shop.yml").toAbsolutePath()
                + "\noperations:\n  log-dir: " + logs + "\n");
        Path noOrders = Files.createDirectories(tmp.resolve("no-orders"));
        for (String f : new String[] {"customers.csv", "interactions.csv"}) {
            Files.copy(Path.of("sample-data", f), noOrders.resolve(f));
        }

        assertThat(run(noOrders, job)).as("orders.csv is missing").isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(Files.size(db.h2File())).as("not after a failed run").isGreaterThanOrEqualTo(bloated);

        assertThat(run(Path.of("sample-data"), job)).as(() -> lastErrors).isEqualTo(ExitCode.COMPLETED.code());
        assertThat(Files.size(db.h2File())).isLessThan(bloated / 3);
        assertThat(rows(db)).as("the data is still there").isEqualTo(10_000 * 1_000_000L + 10_000 * 200L);
        String log;
        try (var files = Files.list(logs)) {
            log = Files.readString(files.findFirst().orElseThrow());
        }
        assertThat(log).contains("Compacted the database file " + db.h2File());
    }
}

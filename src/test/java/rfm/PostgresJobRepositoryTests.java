package rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job with its repository in a real PostgreSQL server (127.0.0.1:5432, database test), in a schema of
 * its own. In CI (CI=true) a missing server fails the test; elsewhere the test is skipped and says so.
 */
class PostgresJobRepositoryTests {

    static final String SERVER = System.getenv().getOrDefault("RFM_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("RFM_TEST_PG_USER", "postgres");

    @TempDir
    Path tmp;

    String schema;

    @BeforeEach
    void needsAServer() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, "")) {
            schema = "rfm_test_" + Long.toHexString(System.nanoTime());
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL must answer at " + SERVER + " in CI (.ci/run starts it): " + e.getMessage());
            }
            System.out.println("PostgreSQL tests SKIPPED: no PostgreSQL server answers at " + SERVER + " (" + e.getMessage() + ")");
            Assumptions.abort("no PostgreSQL server at " + SERVER);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(SERVER, USER, ""); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private int run(Path out, String... extra) throws Exception {
        Path credentials = tmp.resolve("db.properties");
        Files.writeString(credentials, "user=" + USER + "\npassword=\n");
        String[] base = {"--input", "sample-data", "--output", out.toString(), "--as-of", "2026-11-22",
                "--job", "sample-data/sample-shop.yml", "--db", SERVER + "?currentSchema=" + schema,
                "--db-credentials", credentials.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        PrintStream old = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return RfmApplication.run(args);
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void theJobKeepsItsRepositoryInPostgresql() throws Exception {
        Path out = tmp.resolve("out");
        assertThat(run(out)).isZero();
        String published = Files.readString(out.resolve("2026-11-22/customers_scored.csv")).replace("\uFEFF", "").replace("\r\n", "\n");
        assertThat(published).isEqualTo(Files.readString(Path.of("src/test/resources/expected/sample-2026-11-22/customers_scored.csv")));
        assertThat(executions()).isEqualTo("COMPLETED");

        assertThat(run(out)).as("a completed date is a no-op").isZero();
        assertThat(executions()).isEqualTo("COMPLETED");
        assertThat(run(out, "--force")).isZero();
        assertThat(executions()).isEqualTo("COMPLETED,COMPLETED");
    }

    /** The history's SQL on PostgreSQL: three changing nights (see HistoryFunctionalTests for the shop), then an older night again. */
    @Test
    void theHistoryLivesInPostgresqlToo() throws Exception {
        Path out = tmp.resolve("out");
        for (String d : new String[] {"2026-11-20", "2026-11-21", "2026-11-22"}) {
            assertThat(runHistoryShop(out, d)).as(d).isZero();
        }
        assertThat(Files.readAllLines(out.resolve("2026-11-22/crm_delta.csv")).stream().skip(1).map(l -> l.substring(0, l.indexOf(',', 3))))
                .containsExactly("C1,CHANGED", "C3,CHANGED", "C5,CHANGED", "C6,GONE");
        assertThat(single("SELECT COUNT(*) FROM " + schema + ".rfm_customer_state")).isEqualTo("10");
        assertThat(single("SELECT COUNT(*) FROM " + schema + ".rfm_customer_state WHERE valid_to IS NULL")).isEqualTo("5");
        assertThat(runHistoryShop(out, "2026-11-21", "--force")).isZero();
        assertThat(single("SELECT COUNT(*) FROM " + schema + ".rfm_customer_state")).as("an older night is not recorded").isEqualTo("10");
        assertThat(runHistoryShop(out, "2026-11-22", "--force")).isZero();
        assertThat(single("SELECT string_agg(as_of || ':' || changes, ',' ORDER BY as_of) FROM " + schema + ".rfm_history_run"))
                .isEqualTo("2026-11-20:5,2026-11-21:2,2026-11-22:4");
    }

    /**
     * A first night of 1,000 generated customers: the history's states and the issued tasks go in as INSERT statements
     * of a hundred rows each (and one of the rest), which PostgreSQL takes as H2 does: every row in its columns.
     */
    @Test
    void aFirstNightsManyRowsGoInWholeOnPostgresql() throws Exception {
        Path shop = tmp.resolve("shop");
        new rfm.generate.ShopGenerator(1_000, 10_000, 5_000, 11).write(shop);
        Path out = tmp.resolve("out");
        Path credentials = tmp.resolve("db.properties");
        Files.writeString(credentials, "user=" + USER + "\npassword=\n");
        assertThat(RfmApplication.run("--input", shop.toString(), "--output", out.toString(), "--as-of", "2026-11-22",
                "--db", SERVER + "?currentSchema=" + schema, "--db-credentials", credentials.toString(), "--quiet")).isZero();

        java.util.List<String> scored = Files.readAllLines(out.resolve("2026-11-22/customers_scored.csv"));
        java.util.List<String> header = java.util.List.of(scored.get(0).replace("\uFEFF", "").split(","));
        int id = header.indexOf("customer_id");
        int segment = header.indexOf("segment");
        int stage = header.indexOf("lifecycle_stage");
        String expected = scored.stream().skip(1).map(line -> line.split(",", -1))
                .map(f -> f[id] + " " + f[segment] + " " + f[stage]).sorted().collect(java.util.stream.Collectors.joining(","));
        assertThat(scored).hasSize(1_001);
        assertThat(single("SELECT string_agg(customer_id || ' ' || segment || ' ' || lifecycle_stage, ',' ORDER BY customer_id)"
                + " FROM " + schema + ".rfm_customer_state WHERE valid_from = DATE '2026-11-22' AND valid_to IS NULL"))
                .isEqualTo(expected);
        assertThat(single("SELECT COUNT(DISTINCT state_id) FROM " + schema + ".rfm_customer_state")).isEqualTo("1000");

        java.util.List<String> tasks = Files.readAllLines(out.resolve("2026-11-22/revisit_tasks.csv"));
        assertThat(tasks.size() - 1).as("enough tasks for a statement of a hundred rows").isGreaterThan(100);
        String taskIds = tasks.stream().skip(1).map(line -> line.replace("\uFEFF", "").substring(0, line.indexOf(',')))
                .sorted().collect(java.util.stream.Collectors.joining(","));
        assertThat(single("SELECT string_agg(task_id, ',' ORDER BY task_id) FROM " + schema + ".rfm_revisit_task"
                + " WHERE issued_on = DATE '2026-11-22'")).isEqualTo(taskIds);
    }

    private int runHistoryShop(Path out, String asOf, String... extra) throws Exception {
        Path credentials = tmp.resolve("db.properties");
        Files.writeString(credentials, "user=" + USER + "\npassword=\n");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--input", "src/test/resources/history/{date}",
                "--output", out.toString(), "--as-of", asOf, "--job", "src/test/resources/history/job.yml",
                "--db", SERVER + "?currentSchema=" + schema, "--db-credentials", credentials.toString(), "--quiet"));
        args.addAll(java.util.List.of(extra));
        return RfmApplication.run(args.toArray(String[]::new));
    }

    private String single(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String executions() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(status, ',' ORDER BY job_execution_id) FROM "
                     + schema + ".batch_job_execution")) {
            rs.next();
            return rs.getString(1);
        }
    }
}

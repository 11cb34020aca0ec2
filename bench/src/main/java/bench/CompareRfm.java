package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The correctness check of {@code scripts/bench.sh}: the job's {@code customers_scored.csv} against the
 * bare RFM table of {@link DuckDbRfm}, joined on customer_id.
 *
 * <pre>
 *   java -cp bench/target/duckdb-rfm.jar bench.CompareRfm JOB_CUSTOMERS_SCORED.csv DUCKDB_RFM.csv [SHOW]
 * </pre>
 *
 * A mismatch is a customer with counted orders in DuckDB's table that the job lacks or gives another
 * recency_days, frequency or monetary (compared as numbers), or a customer the job gives frequency &gt; 0
 * that DuckDB's table lacks. Prints the counts and the first SHOW (default 10) mismatches; exits 0 when there
 * are none, 1 when there are some, 2 on an error (a missing file or column).
 */
public final class CompareRfm {

    private CompareRfm() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: CompareRfm JOB_CUSTOMERS_SCORED.csv DUCKDB_RFM.csv [SHOW]");
            System.exit(2);
        }
        try {
            Path job = Path.of(args[0]);
            Path duck = Path.of(args[1]);
            int show = args.length == 3 ? Integer.parseInt(args[2]) : 10;
            for (Path p : new Path[] {job, duck}) {
                if (!Files.isRegularFile(p)) {
                    throw new IllegalStateException("no such file: " + p);
                }
            }
            System.exit(compare(job, duck, show) == 0 ? 0 : 1);
        } catch (Exception e) {
            System.err.println("compare-rfm: " + e);
            System.exit(2);
        }
    }

    static long compare(Path job, Path duck, int show) throws SQLException {
        // Both read as text (the job's file has a UTF-8 BOM, CRLF and quoted names), compared as numbers.
        String setup = """
            CREATE TEMP TABLE j AS
              SELECT customer_id, recency_days, frequency, monetary
              FROM read_csv('%1$s', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
            CREATE TEMP TABLE d AS
              SELECT customer_id, recency_days, frequency, monetary
              FROM read_csv('%2$s', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
            CREATE TEMP TABLE mismatch AS
              SELECT coalesce(d.customer_id, j.customer_id) AS customer_id,
                     CASE WHEN j.customer_id IS NULL THEN 'missing in job'
                          WHEN d.customer_id IS NULL THEN 'buyer in job, not in DuckDB'
                          ELSE 'values differ' END AS problem,
                     j.recency_days AS job_recency, d.recency_days AS duckdb_recency,
                     j.frequency    AS job_frequency, d.frequency AS duckdb_frequency,
                     j.monetary     AS job_monetary, d.monetary AS duckdb_monetary
              FROM d FULL OUTER JOIN j ON d.customer_id = j.customer_id
              WHERE (d.customer_id IS NOT NULL AND j.customer_id IS NULL)
                 OR (d.customer_id IS NULL AND coalesce(try_cast(j.frequency AS BIGINT), -1) <> 0)
                 OR (d.customer_id IS NOT NULL AND j.customer_id IS NOT NULL AND (
                        try_cast(j.recency_days AS BIGINT)      IS DISTINCT FROM CAST(d.recency_days AS BIGINT)
                     OR try_cast(j.frequency AS BIGINT)         IS DISTINCT FROM CAST(d.frequency AS BIGINT)
                     OR try_cast(j.monetary AS DECIMAL(38, 6))  IS DISTINCT FROM CAST(d.monetary AS DECIMAL(38, 6))));
            """.formatted(DuckDbRfm.literal(job.toAbsolutePath().toString()),
                          DuckDbRfm.literal(duck.toAbsolutePath().toString()));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET threads = 2");
            for (String sql : setup.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
            long buyers = scalar(statement, "SELECT count(*) FROM d");
            long jobRows = scalar(statement, "SELECT count(*) FROM j");
            long mismatches = scalar(statement, "SELECT count(*) FROM mismatch");
            System.out.printf("check: %d customers with counted orders (DuckDB), %d rows in the job's file, %d mismatches%n",
                    buyers, jobRows, mismatches);
            if (mismatches > 0) {
                System.out.println("problem | customer_id | recency job/duckdb | frequency job/duckdb | monetary job/duckdb");
                try (ResultSet rs = statement.executeQuery(
                        "SELECT * FROM mismatch ORDER BY customer_id LIMIT " + Math.max(0, show))) {
                    while (rs.next()) {
                        System.out.printf("%s | %s | %s/%s | %s/%s | %s/%s%n",
                                rs.getString("problem"), rs.getString("customer_id"),
                                rs.getString("job_recency"), rs.getString("duckdb_recency"),
                                rs.getString("job_frequency"), rs.getString("duckdb_frequency"),
                                rs.getString("job_monetary"), rs.getString("duckdb_monetary"));
                    }
                }
            }
            return mismatches;
        }
    }

    private static long scalar(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

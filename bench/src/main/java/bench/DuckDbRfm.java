package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The reference side of {@code scripts/bench.sh}: the bare RFM table computed by DuckDB from the same
 * {@code orders.csv} the job reads.
 *
 * <pre>
 *   java -jar bench/target/duckdb-rfm.jar --input DIR --as-of YYYY-MM-DD --out FILE [--threads N]
 *   java -jar bench/target/duckdb-rfm.jar --version
 * </pre>
 *
 * Counted orders: status trimmed and upper-cased in (PAID, COMPLETED) or empty, dated (the date part of
 * {@code order_date}) on or before the as-of date. Per customer_id: {@code recency_days} = as-of minus the
 * latest date, {@code frequency} = count, {@code monetary} = exact sum of {@code amount} rounded half-up to
 * 2 decimals. Written with COPY as CSV (header {@code customer_id,recency_days,frequency,monetary}, not
 * sorted). It does not de-duplicate order ids nor check currencies: the generated data has neither
 * duplicates nor foreign currencies. DuckDB runs in memory with {@code SET threads=2} (default).
 *
 * Prints nothing on success; on any error prints one line to stderr and exits 1 (2 for bad arguments).
 */
public final class DuckDbRfm {

    private DuckDbRfm() {
    }

    public static void main(String[] args) {
        Path input = null;
        Path out = null;
        LocalDate asOf = null;
        int threads = 2;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--input" -> input = Path.of(value(args, ++i, "--input"));
                    case "--out" -> out = Path.of(value(args, ++i, "--out"));
                    case "--as-of" -> asOf = LocalDate.parse(value(args, ++i, "--as-of"));
                    case "--threads" -> threads = Integer.parseInt(value(args, ++i, "--threads"));
                    case "--version" -> {
                        System.out.println(version());
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (input == null || out == null || asOf == null) {
                throw new IllegalArgumentException("usage: --input DIR --as-of YYYY-MM-DD --out FILE [--threads N]");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1");
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println("duckdb-rfm: " + e.getMessage());
            System.exit(2);
            return;
        }

        Path orders = input.resolve("orders.csv");
        try {
            if (!Files.isRegularFile(orders)) {
                throw new IllegalStateException("no such file: " + orders);
            }
            run(orders, asOf, out, threads);
        } catch (Exception e) {
            System.err.println("duckdb-rfm: " + e);
            System.exit(1);
        }
    }

    static void run(Path orders, LocalDate asOf, Path out, int threads) throws SQLException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalStateException("no such folder: " + parent);
        }
        // Every column is read as text (ids keep leading zeros, and the two date shapes
        // "yyyy-MM-dd" and "yyyy-MM-dd HH:mm:ss" share one column), then cast where needed.
        // DECIMAL(18,6): exact for the generator's 2-decimal amounts; the sum is exact, then rounded
        // half-up (DuckDB rounds decimals half away from zero; counted amounts are not negative).
        String sql = """
            COPY (
              SELECT customer_id,
                     CAST(DATE '%2$s' - max(order_day) AS BIGINT)   AS recency_days,
                     count(*)                                        AS frequency,
                     CAST(round(sum(amount), 2) AS DECIMAL(38, 2))   AS monetary
              FROM (
                SELECT customer_id,
                       CAST(left(trim(order_date), 10) AS DATE)  AS order_day,
                       CAST(trim(amount) AS DECIMAL(18, 6))      AS amount
                FROM read_csv('%1$s', header = true, all_varchar = true, delim = ',', quote = '"')
                WHERE upper(trim(coalesce(status, ''))) IN ('PAID', 'COMPLETED', '')
              )
              WHERE order_day <= DATE '%2$s'
              GROUP BY customer_id
            ) TO '%3$s' (FORMAT csv, HEADER true, DELIMITER ',')
            """.formatted(literal(orders.toAbsolutePath().toString()), asOf, literal(out.toAbsolutePath().toString()));

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            statement.execute(sql);
        }
    }

    static String version() {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version()")) {
            rs.next();
            return "DuckDB " + rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a single-quoted SQL string literal (quotes doubled). */
    static String literal(String s) {
        return s.replace("'", "''");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}

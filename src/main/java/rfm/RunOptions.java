package rfm;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The command line of a nightly run. */
public record RunOptions(Path input, Path output, LocalDate asOf, Path jobFile, String db, Path dbCredentials,
                         boolean force, boolean quiet) {

    public static final String USAGE = """
            usage: rfm-nightly --input DIR --output DIR [--as-of YYYY-MM-DD] [--job FILE] [--db PATH|URL]
                               [--db-credentials FILE] [--force] [--quiet]
              --input DIR     folder with orders.csv (required), interactions.csv, customers.csv
              --output DIR    results go to DIR/<as-of>/
              --as-of DATE    the date the run describes (default: yesterday in the job file's time zone)
              --job FILE      job file (default: jobs/nightly.yml)
              --db PATH|URL   job repository: an H2 file, without .mv.db (default: data/rfm), or a
                              jdbc:postgresql://host:port/db URL
              --db-credentials FILE  user= and password= for PostgreSQL (or RFM_DB_USER, RFM_DB_PASSWORD)
              --force         run again even if this as-of date already completed
              --quiet         only warnings and errors on the console (the log file keeps everything)""";

    private static final Set<String> WITH_VALUE = Set.of("input", "output", "as-of", "job", "db", "db-credentials");

    /** Parses {@code --name value} or {@code --name=value}; the as-of date is left null when not given. */
    public static RunOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        boolean force = false;
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name.equals("force") || name.equals("quiet")) {
                if (value != null && !value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException("--" + name + " takes no value, or true/false");
                }
                boolean on = value == null || value.equals("true");
                if (name.equals("force")) {
                    force = on;
                } else {
                    quiet = on;
                }
                continue;
            }
            if (!WITH_VALUE.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            values.put(name, value);
        }
        if (!values.containsKey("input") || !values.containsKey("output")) {
            throw new IllegalArgumentException("--input and --output are required");
        }
        LocalDate asOf = null;
        if (values.containsKey("as-of")) {
            try {
                asOf = LocalDate.parse(values.get("as-of"));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--as-of '" + values.get("as-of") + "' is not a date like 2026-11-22");
            }
        }
        return new RunOptions(Path.of(values.get("input")), Path.of(values.get("output")), asOf,
                Path.of(values.getOrDefault("job", "jobs/nightly.yml")), values.getOrDefault("db", "data/rfm"),
                values.containsKey("db-credentials") ? Path.of(values.get("db-credentials")) : null, force, quiet);
    }

    public RunOptions withAsOf(LocalDate date) {
        return new RunOptions(input, output, date, jobFile, db, dbCredentials, force, quiet);
    }
}

package rfm;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The command line of a nightly run. */
public record RunOptions(Path input, Path output, LocalDate asOf, Path jobFile, String db, Path dbCredentials,
                         boolean force, boolean quiet, LocalDate from, LocalDate to) {

    /** In --input, stands for the as-of date of each run (yyyy-MM-dd): one export folder per date. */
    public static final String DATE_PLACEHOLDER = "{date}";
    /** A backfill longer than this is more likely a typo in a year than a plan. */
    static final int MAX_BACKFILL_DAYS = 3_660;

    public static final String USAGE = """
            usage: rfm-nightly --input DIR --output DIR [--as-of YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD]
                               [--job FILE] [--db PATH|URL] [--db-credentials FILE] [--force] [--quiet]
              --input DIR     folder with orders.csv (required), interactions.csv, customers.csv;
                              {date} in it stands for the as-of date (one export folder per date)
              --output DIR    results go to DIR/<as-of>/
              --as-of DATE    the date the run describes (default: yesterday in the job file's time zone)
              --from DATE --to DATE
                              backfill: one run per as-of date from FROM to TO, in order (builds the
                              history from old exports); stops at the first run that does not complete
              --job FILE      job file (default: jobs/nightly.yml)
              --db PATH|URL   job repository: an H2 file, without .mv.db (default: data/rfm), or a
                              jdbc:postgresql://host:port/db URL
              --db-credentials FILE  user= and password= for PostgreSQL (or RFM_DB_USER, RFM_DB_PASSWORD)
              --force         run again even if this as-of date already completed
              --quiet         only warnings and errors on the console (the log file keeps everything)""";

    private static final Set<String> WITH_VALUE = Set.of("input", "output", "as-of", "job", "db", "db-credentials", "from", "to");

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
        LocalDate asOf = date(values, "as-of");
        LocalDate from = date(values, "from");
        LocalDate to = date(values, "to");
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("--from and --to go together");
        }
        if (from != null) {
            if (asOf != null) {
                throw new IllegalArgumentException("--as-of cannot go with --from/--to: a backfill runs every date from FROM to TO");
            }
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("--to " + to + " is before --from " + from);
            }
            if (ChronoUnit.DAYS.between(from, to) >= MAX_BACKFILL_DAYS) {
                throw new IllegalArgumentException("--from " + from + " --to " + to + " spans more than " + MAX_BACKFILL_DAYS
                        + " days");
            }
        }
        return new RunOptions(Path.of(values.get("input")), Path.of(values.get("output")), asOf,
                Path.of(values.getOrDefault("job", "jobs/nightly.yml")), values.getOrDefault("db", "data/rfm"),
                values.containsKey("db-credentials") ? Path.of(values.get("db-credentials")) : null, force, quiet,
                from, to);
    }

    private static LocalDate date(Map<String, String> values, String name) {
        if (!values.containsKey(name)) {
            return null;
        }
        try {
            return LocalDate.parse(values.get(name));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " '" + values.get(name) + "' is not a date like 2026-11-22");
        }
    }

    /** The options of one run: this as-of date (a backfill's dates run one by one). */
    public RunOptions withAsOf(LocalDate date) {
        return new RunOptions(input, output, date, jobFile, db, dbCredentials, force, quiet, null, null);
    }

    /** Whether these options ask for a backfill (--from/--to). */
    public boolean backfill() {
        return from != null;
    }

    /** The input folder of the run's as-of date: --input with {@value #DATE_PLACEHOLDER} replaced by the date. */
    public Path inputFolder() {
        String text = input.toString();
        return text.contains(DATE_PLACEHOLDER) ? Path.of(text.replace(DATE_PLACEHOLDER, asOf.toString())) : input;
    }
}

package rfm.history;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

import rfm.revisit.IssuedTask;
import rfm.revisit.RevisitEffectiveness;
import rfm.revisit.RevisitOutcome;

/**
 * The history in the job's database (tables made by the Flyway migrations in {@code db/migration}): the recorded
 * nights, every customer's state as stretches of unchanged nights, and every revisit task issued with, once its
 * follow-up window has passed, what came of it.
 * <p>
 * Called from inside the steps' transactions. A night's customer states are written first ({@link #writeStates},
 * in transactions of their own), beside the output files, and count once the night is recorded
 * ({@link #recordNight}, in the publishing transaction): a night that fails in between leaves pending states that
 * the next write undoes, and readers only ever look at recorded nights.
 */
public class HistoryStore {

    private static final Logger log = LoggerFactory.getLogger(HistoryStore.class);

    private static final int BATCH = 5_000;

    /**
     * Rows per INSERT statement of the many-row writes (see {@link #insertRows}): a first night's million customer
     * states in about 30% less CPU than a JDBC batch of single-row statements (docs/performance.md). 100 rows of 11
     * parameters stay far below PostgreSQL's 65,535 parameters per statement.
     */
    private static final int ROWS_PER_INSERT = 100;

    /**
     * How long H2 may keep the state batches' commits in memory before writing them to its file (WRITE_DELAY, in
     * milliseconds), instead of writing the whole store at each commit as the job's URL has it (WRITE_DELAY=0);
     * see {@link #writeStates}. The setting is the database's (every connection's): it is set back when the write
     * ends, and the job's URL sets it again on the next start after a crash.
     */
    static final int STATES_WRITE_DELAY_MILLIS = 60_000;

    private final JdbcTemplate jdbc;
    private final TransactionOperations ownTransactions;
    private final int batchSize;
    /** The database's product name, asked once (the same answer whichever thread asks first). */
    private volatile String product;

    /**
     * @param ownTransactions runs work in a transaction of its own, committed when it returns, whatever transaction
     *                        the caller is in (propagation REQUIRES_NEW)
     */
    public HistoryStore(JdbcTemplate jdbc, TransactionOperations ownTransactions) {
        this(jdbc, ownTransactions, BATCH);
    }

    /** As above, writing states {@code batchSize} rows per transaction (tests). */
    HistoryStore(JdbcTemplate jdbc, TransactionOperations ownTransactions, int batchSize) {
        this.jdbc = jdbc;
        this.ownTransactions = ownTransactions;
        this.batchSize = batchSize;
    }

    /** The recorded nights around an as-of date: the latest before it (or null) and the latest of all (or null). */
    public record Nights(LocalDate previous, LocalDate latest) {
    }

    public Nights nights(LocalDate asOf) {
        return new Nights(jdbc.queryForObject("SELECT MAX(as_of) FROM rfm_history_run WHERE as_of < ?", LocalDate.class, asOf),
                jdbc.queryForObject("SELECT MAX(as_of) FROM rfm_history_run", LocalDate.class));
    }

    /**
     * Every customer's state on a recorded night, into {@code into}. The rows are read as the scan finds them: H2
     * otherwise gathers a query's whole result first, and one of more than its in-memory limit (a million customers)
     * in a temporary store on disk, written and read back (0.5 s of a large night's 2.6 s here); PostgreSQL streams
     * them in fetches of 10,000 rows (inside a transaction) instead of loading all.
     * <p>
     * The latest recorded night, with no night pending after it (the usual case: the night before tonight), is
     * read from the open stretches alone ({@code state_id > 0}, a range of the key), not from every stretch ever
     * written: a history of many nights is read as fast as one of a single night. Otherwise (a rerun of the latest
     * night, a night older than it, pending states of a night that failed) every stretch is looked at. The row ids
     * given to {@code into} are the stretches' numbers as they are while open (positive): a close of them comes
     * after the undoing of pending nights, which opens again what those closed.
     */
    public void statesOn(LocalDate night, PreviousStates into) {
        Map<Object, Object> shared = new HashMap<>(); // a few distinct values and states, a million customers
        boolean h2 = "H2".equals(product());
        String sql = statesQuery(onlyOpenStretchesHold(night));
        jdbc.execute((ConnectionCallback<Void>) con -> {
            // closed last: H2's session setting back to its default, a failure to do so suppressed behind the read's own
            try (SessionSetting lazy = h2 ? lazyQueries(con) : null;
                 PreparedStatement ps = con.prepareStatement(sql)) {
                ps.setFetchSize(10_000);
                ps.setObject(1, night);
                ps.setObject(2, night);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // equal states shared too: a few thousand distinct ones among a million customers
                        into.put(rs.getString(1), share(shared, new CustomerState(share(shared, rs.getString(2)),
                                share(shared, rs.getString(3)), share(shared, rs.getString(4)), score(rs, 5), score(rs, 6),
                                score(rs, 7), rs.getBoolean(8), share(shared, rs.getObject(9, LocalDate.class)))),
                                Math.abs(rs.getLong(10)));
                    }
                }
            }
            return null;
        });
    }

    /** The states holding on a night (given twice), from the open stretches alone or from all. */
    static String statesQuery(boolean openOnly) {
        return "SELECT customer_id, segment, lifecycle_stage, value_tier, r_score, f_score, m_score, churn_risk,"
                + " segment_since, state_id FROM rfm_customer_state WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)"
                + (openOnly ? " AND state_id > 0" : "");
    }

    /**
     * Whether the stretches that hold on a night are exactly the open ones: the night is the latest recorded and no
     * later one is pending, so no stretch was closed after it (each close is dated by the night that wrote it) and
     * none begins after it.
     */
    boolean onlyOpenStretchesHold(LocalDate night) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT NOT EXISTS (SELECT 1 FROM rfm_history_pending)"
                + " AND ? >= (SELECT MAX(as_of) FROM rfm_history_run)", Boolean.class, night));
    }

    /** A setting of the database session, set back when closed. */
    private interface SessionSetting extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    /** H2's LAZY_QUERY_EXECUTION (a setting of the session, the connection) on until closed. */
    private static SessionSetting lazyQueries(Connection con) throws SQLException {
        execute(con, "SET LAZY_QUERY_EXECUTION TRUE");
        return () -> execute(con, "SET LAZY_QUERY_EXECUTION FALSE");
    }

    private static void execute(Connection con, String sql) throws SQLException {
        try (Statement statement = con.createStatement()) {
            statement.execute(sql);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T share(Map<Object, Object> shared, T value) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }

    private static Integer score(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /**
     * The issued tasks whose follow-up window has passed by the as-of date and whose outcome this night decides:
     * not yet decided, or decided by this night or a later one (a rerun, or a night run out of order, decides
     * them again from its own inputs).
     */
    public List<IssuedTask> tasksToFollowUp(LocalDate asOf, int windowDays) {
        LocalDate dueBy = asOf.minusDays(windowDays);
        return jdbc.query(FOLLOW_UP_QUERY, (rs, n) -> new IssuedTask(rs.getString(1), rs.getObject(2, LocalDate.class),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                                rs.getObject(8, LocalDate.class)), dueBy, asOf, dueBy)
                .stream().filter(t -> t.issuedOn().isBefore(asOf)).toList();
    }

    /**
     * The tasks due by a date (given first and third) not yet decided or decided on or after a night (second): two
     * ranges of the (evaluated_on, due_date) index (Flyway V6), not every task due before the date, which grows by
     * every night's tasks. The issue date is checked by the caller, so that no index on it looks cheaper to the
     * database than those ranges.
     */
    static final String FOLLOW_UP_QUERY = followUpHalf("evaluated_on IS NULL") + " UNION ALL "
            + followUpHalf("evaluated_on >= ?") + " ORDER BY task_id";

    private static String followUpHalf(String decided) {
        return "SELECT task_id, issued_on, customer_id, reason, channel, owner, priority, due_date FROM rfm_revisit_task"
                + " WHERE " + decided + " AND due_date <= ?";
    }

    /** Adds the outcomes decided on nights before the as-of date, summed per reason, channel and owner. */
    public void addFollowedUp(LocalDate asOf, RevisitEffectiveness into) {
        // from the nights' sums (rfm_revisit_outcome, Flyway V6), not from every task decided so far
        jdbc.query("SELECT reason, channel, owner, SUM(tasks), SUM(converted), SUM(orders_after), SUM(revenue_after),"
                + " MIN(first_issued), MAX(last_issued) FROM rfm_revisit_outcome WHERE evaluated_on < ?"
                + " GROUP BY reason, channel, owner", (ResultSet rs) -> {
            into.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getBigDecimal(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class));
        }, asOf);
    }

    /**
     * Writes a night's customer states: the stretch of every customer whose state changed is closed and a new one
     * starts; customers gone are closed. Whatever was written after the previous recorded night (an earlier run of
     * this night, or a night that failed before it was recorded) is undone first, so a rerun writes the same as a
     * first run. The states count only once {@link #recordNight} records the night; until then they are pending.
     * The night is marked pending first, then the rows are written in batches that each commit on their own, so a
     * write that fails part way is undone like any other pending night.
     * (Written beside the output files: a million new customers on a first night take seconds.)
     */
    public void writeStates(HistoryComparison night) {
        requireRecordable(night);
        LocalDate d = night.asOf();
        // the undoing and the pending mark first, in a transaction of their own: from here on, whatever part of the
        // rows below got written before a failure is undone by the next write
        long firstId = ownTransactions.execute(status -> {
            Integer leftovers = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM rfm_history_pending)"
                    + " + (SELECT COUNT(*) FROM rfm_history_run WHERE as_of >= ?)", Integer.class, d);
            if (leftovers != null && leftovers > 0) {
                LocalDate after = night.previousRun() == null ? LocalDate.MIN : night.previousRun();
                // a full scan of the history, only after a rerun or a failed night
                jdbc.update("DELETE FROM rfm_customer_state WHERE valid_from > ?", after);
                jdbc.update("UPDATE rfm_customer_state SET valid_to = NULL, state_id = -state_id WHERE valid_to > ?", after);
                jdbc.update("DELETE FROM rfm_history_pending");
            }
            jdbc.update("INSERT INTO rfm_history_pending (as_of) VALUES (?)", d);
            // new rows numbered on from the last, open or closed (a closed one's number is negated: reused, it would
            // meet it again when closed), by tonight's customer index; both ends of the key, no scan
            return jdbc.queryForObject("SELECT MAX(state_id), MIN(state_id) FROM rfm_customer_state",
                    (rs, n) -> Math.max(rs.getLong(1), -rs.getLong(2)) + 1); // an empty table's NULLs read as 0
        });
        List<Integer> changed = Arrays.stream(night.changed()).boxed().toList();
        List<Long> closed = new ArrayList<>();
        for (int i : night.changed()) {
            if (night.previous(i) != null) {
                closed.add(night.previous().rowId(i));
            }
        }
        night.previous().gone().forEach(g -> closed.add(g.rowId()));
        // each batch commits on its own: one transaction of a million rows costs H2 about half as much again
        // (its undo log), and the pending mark already makes the write all-or-undone. For the same reason no batch
        // needs to reach the disk when it commits: H2, which the job's URL has write its whole store to the file at
        // every commit (WRITE_DELAY=0, for the chunks of the ingest steps), keeps them in memory meanwhile and writes
        // them when the rows are in (syncAhead) (PostgreSQL: synchronous_commit off)
        boolean h2 = "H2".equals(product());
        Integer writeDelay = h2 ? jdbc.queryForObject("SELECT MAX(CAST(SETTING_VALUE AS INT)) FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME = 'WRITE_DELAY'", Integer.class) : null;
        boolean delayed = writeDelay != null && writeDelay < STATES_WRITE_DELAY_MILLIS;
        if (delayed) {
            setWriteDelay(STATES_WRITE_DELAY_MILLIS);
        }
        try {
            writeRows(night, d, firstId, changed, closed);
        } finally {
            if (delayed) {
                setWriteDelay(writeDelay);
            }
        }
        if (h2) {
            syncAhead(d);
        }
    }

    /**
     * H2 only: writes the store to its file and has the file reach the disk now (CHECKPOINT SYNC), on the thread that
     * wrote the states, beside the summary, instead of when the run closes the database after publishing: a large
     * first night's 67 MB file took 0.2-0.5 s to sync there, the last thing the run waited for. The states are still
     * pending (only the publish step records the night), so nothing is published sooner. A failure here fails
     * nothing: the file reaches the disk when the database closes, as before.
     */
    private void syncAhead(LocalDate night) {
        try {
            jdbc.execute("CHECKPOINT SYNC");
        } catch (DataAccessException e) {
            log.warn("Could not write the customer states of {} to the disk ahead of publishing ({}); they are written"
                    + " when the database closes", night, e.getMessage());
        }
    }

    private void writeRows(HistoryComparison night, LocalDate d, long firstId, List<Integer> changed, List<Long> closed) {
        committedParts(closed, part -> jdbc.batchUpdate("UPDATE rfm_customer_state SET valid_to = ?, state_id = -state_id"
                + " WHERE state_id = ?", part, part.size(), (ps, id) -> {
            ps.setObject(1, d);
            ps.setLong(2, id);
        }));
        committedParts(changed, part -> insertRows("INSERT INTO rfm_customer_state (state_id, customer_id, valid_from,"
                + " valid_to, segment, lifecycle_stage, value_tier, r_score, f_score, m_score, churn_risk, segment_since) VALUES ",
                "(?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)", part, (ps, at, i) -> {
                    CustomerState s = night.current(i);
                    ps.setLong(at + 1, firstId + i);
                    ps.setString(at + 2, night.customers().get(i).customerId());
                    ps.setObject(at + 3, d);
                    ps.setString(at + 4, s.segment());
                    ps.setString(at + 5, s.lifecycleStage());
                    ps.setString(at + 6, s.valueTier());
                    setScore(ps, at + 7, s.r());
                    setScore(ps, at + 8, s.f());
                    setScore(ps, at + 9, s.m());
                    ps.setBoolean(at + 10, s.churnRisk());
                    ps.setObject(at + 11, s.segmentSince());
                }));
    }

    /**
     * Records a night whose states {@link #writeStates} wrote: the tasks it issued, the follow-ups it decided, and
     * the night itself. A rerun's earlier tasks and decisions are replaced.
     */
    public void recordNight(HistoryComparison night, NightFigures figures, List<IssuedTask> issued,
                            List<RevisitOutcome> decided) {
        requireRecordable(night);
        LocalDate d = night.asOf();
        if (jdbc.update("DELETE FROM rfm_history_pending WHERE as_of = ?", d) != 1) {
            throw new IllegalStateException("the customer states of " + d + " were not written before recording the night");
        }
        jdbc.update("DELETE FROM rfm_revisit_task WHERE issued_on >= ?", d);
        jdbc.update("UPDATE rfm_revisit_task SET evaluated_on = NULL, converted = NULL, orders_after = NULL,"
                + " revenue_after = NULL WHERE evaluated_on >= ?", d);
        jdbc.update("DELETE FROM rfm_revisit_outcome WHERE evaluated_on >= ?", d);
        jdbc.update("DELETE FROM rfm_history_run WHERE as_of >= ?", d);
        inParts(issued, part -> insertRows("INSERT INTO rfm_revisit_task (task_id, issued_on, customer_id, reason, channel,"
                + " owner, priority, due_date) VALUES ", "(?, ?, ?, ?, ?, ?, ?, ?)", part, (ps, at, t) -> {
            ps.setString(at + 1, t.taskId());
            ps.setObject(at + 2, t.issuedOn());
            ps.setString(at + 3, t.customerId());
            ps.setString(at + 4, t.reason());
            ps.setString(at + 5, t.channel());
            ps.setString(at + 6, t.owner());
            ps.setInt(at + 7, t.priority());
            ps.setObject(at + 8, t.dueDate());
        }));
        batch("UPDATE rfm_revisit_task SET evaluated_on = ?, converted = ?, orders_after = ?, revenue_after = ?"
                + " WHERE task_id = ?", decided, (ps, o) -> {
            ps.setObject(1, d);
            ps.setBoolean(2, o.converted());
            ps.setInt(3, o.ordersAfter());
            ps.setBigDecimal(4, o.revenueAfter().setScale(10, RoundingMode.HALF_UP));
            ps.setString(5, o.task().taskId());
        });
        jdbc.update("INSERT INTO rfm_revisit_outcome (evaluated_on, reason, channel, owner, tasks, converted, orders_after,"
                + " revenue_after, first_issued, last_issued) SELECT evaluated_on, reason, channel, owner, COUNT(*),"
                + " SUM(CASE WHEN converted THEN 1 ELSE 0 END), SUM(orders_after), SUM(revenue_after), MIN(issued_on),"
                + " MAX(issued_on) FROM rfm_revisit_task WHERE evaluated_on = ? GROUP BY evaluated_on, reason, channel, owner", d);
        jdbc.update("INSERT INTO rfm_history_run (as_of, customers, changes, tasks, recorded_at, buyers, prospects,"
                        + " monetary_total, churn_risk, rejected_rows) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d, figures.customers(), night.changes(), figures.tasks(), LocalDateTime.now(), figures.buyers(),
                figures.prospects(), figures.revenue(), figures.churnRisk(), figures.rejects());
    }

    /** The headline figures recorded with a night, or null when there is none or it was recorded without them. */
    public NightFigures figuresOf(LocalDate night) {
        if (night == null) {
            return null;
        }
        List<NightFigures> found = jdbc.query("SELECT customers, buyers, prospects, monetary_total, churn_risk, tasks,"
                        + " rejected_rows FROM rfm_history_run WHERE as_of = ? AND buyers IS NOT NULL",
                (rs, n) -> new NightFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7)), night);
        return found.isEmpty() ? null : found.get(0);
    }

    private static void requireRecordable(HistoryComparison night) {
        if (!night.recorded()) {
            throw new IllegalStateException("the night " + night.asOf() + " is older than the latest recorded one, "
                    + night.latestRun() + ": recording it would rewrite newer history");
        }
    }

    private interface Setter<T> {
        void set(PreparedStatement ps, T item) throws SQLException;
    }

    private <T> void batch(String sql, List<T> items, Setter<T> setter) {
        inParts(items, part -> jdbc.batchUpdate(sql, part, part.size(), setter::set));
    }

    /**
     * Writes the items a part at a time, each part in a transaction of its own, whose commit need not reach the disk
     * before the next part (see {@link #writeStates}).
     */
    private <T> void committedParts(List<T> items, Consumer<List<T>> write) {
        boolean postgresql = "PostgreSQL".equals(product());
        inParts(items, part -> ownTransactions.executeWithoutResult(status -> {
            if (postgresql) {
                jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            }
            write.accept(part);
        }));
    }

    /** Sets one row's values as the parameters after {@code at} (its first is {@code at + 1}). */
    private interface RowSetter<T> {
        void set(PreparedStatement ps, int at, T item) throws SQLException;
    }

    /**
     * Inserts the items with statements of {@link #ROWS_PER_INSERT} rows each ({@code INSERT ... VALUES (...), (...),
     * ...}, a JDBC batch of them) and the rest in one statement of as many rows: the database's work per statement
     * (in H2 the command's start and end and its transaction's statement marks, a quarter to a third of a row's cost) comes once
     * per hundred rows instead of once per row. {@code row} is one row's values, e.g. {@code "(?, ?, NULL)"}.
     */
    private <T> void insertRows(String insertInto, String row, List<T> items, RowSetter<T> setter) {
        int params = (int) row.chars().filter(c -> c == '?').count();
        int full = items.size() / ROWS_PER_INSERT;
        if (full > 0) {
            List<List<T>> groups = new ArrayList<>(full);
            for (int g = 0; g < full; g++) {
                groups.add(items.subList(g * ROWS_PER_INSERT, (g + 1) * ROWS_PER_INSERT));
            }
            jdbc.batchUpdate(insertInto + rows(row, ROWS_PER_INSERT), groups, full,
                    (ps, group) -> setRows(ps, group, params, setter));
        }
        List<T> rest = items.subList(full * ROWS_PER_INSERT, items.size());
        if (!rest.isEmpty()) {
            jdbc.batchUpdate(insertInto + rows(row, rest.size()), List.of(rest), 1,
                    (ps, group) -> setRows(ps, group, params, setter));
        }
    }

    private static String rows(String row, int count) {
        return String.join(", ", Collections.nCopies(count, row));
    }

    private static <T> void setRows(PreparedStatement ps, List<T> group, int params, RowSetter<T> setter) throws SQLException {
        for (int j = 0; j < group.size(); j++) {
            setter.set(ps, j * params, group.get(j));
        }
    }

    private String product() {
        if (product == null) {
            product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        }
        return product;
    }

    /** H2's WRITE_DELAY, a setting of the database (every connection's), in a transaction of its own. */
    private void setWriteDelay(int millis) {
        ownTransactions.executeWithoutResult(status -> jdbc.execute("SET WRITE_DELAY " + millis));
    }

    /** The items in consecutive parts of at most {@code batchSize}. */
    private <T> void inParts(List<T> items, Consumer<List<T>> body) {
        for (int from = 0; from < items.size(); from += batchSize) {
            body.accept(items.subList(from, Math.min(items.size(), from + batchSize)));
        }
    }

    private static void setScore(PreparedStatement ps, int index, Integer score) throws SQLException {
        if (score == null) {
            ps.setNull(index, Types.SMALLINT);
        } else {
            ps.setInt(index, score);
        }
    }
}

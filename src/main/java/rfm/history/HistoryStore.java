package rfm.history;

import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import rfm.revisit.IssuedTask;
import rfm.revisit.RevisitEffectiveness;
import rfm.revisit.RevisitOutcome;

/**
 * The history in the job's database (tables made by the Flyway migrations in {@code db/migration}): the recorded
 * nights, every customer's state as stretches of unchanged nights, and every revisit task issued with, once its
 * follow-up window has passed, what came of it.
 * <p>
 * Called from inside the steps' transactions, so what a night records is written whole or not at all.
 */
public class HistoryStore {

    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;

    public HistoryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The recorded nights around an as-of date: the latest before it (or null) and the latest of all (or null). */
    public record Nights(LocalDate previous, LocalDate latest) {
    }

    public Nights nights(LocalDate asOf) {
        return new Nights(jdbc.queryForObject("SELECT MAX(as_of) FROM rfm_history_run WHERE as_of < ?", LocalDate.class, asOf),
                jdbc.queryForObject("SELECT MAX(as_of) FROM rfm_history_run", LocalDate.class));
    }

    /** Every customer's state on a recorded night, into {@code into}. */
    public void statesOn(LocalDate night, PreviousStates into) {
        Map<Object, Object> shared = new HashMap<>(); // a few distinct segments, stages and dates, a million customers
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT customer_id, segment, lifecycle_stage, value_tier, r_score,"
                    + " f_score, m_score, churn_risk, segment_since FROM rfm_customer_state"
                    + " WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)");
            ps.setFetchSize(10_000); // PostgreSQL streams the rows (inside a transaction) instead of loading all
            ps.setObject(1, night);
            ps.setObject(2, night);
            return ps;
        }, (ResultSet rs) -> {
            into.put(rs.getString(1), new CustomerState(share(shared, rs.getString(2)), share(shared, rs.getString(3)),
                    share(shared, rs.getString(4)), score(rs, 5), score(rs, 6), score(rs, 7), rs.getBoolean(8),
                    share(shared, rs.getObject(9, LocalDate.class))));
        });
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
        return jdbc.query("SELECT task_id, issued_on, customer_id, reason, channel, owner, priority, due_date"
                        + " FROM rfm_revisit_task WHERE due_date <= ? AND issued_on < ? AND (evaluated_on IS NULL OR evaluated_on >= ?)"
                        + " ORDER BY task_id",
                (rs, n) -> new IssuedTask(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getObject(8, LocalDate.class)),
                asOf.minusDays(windowDays), asOf, asOf);
    }

    /** Adds the outcomes decided on nights before the as-of date, summed per reason, channel and owner. */
    public void addFollowedUp(LocalDate asOf, RevisitEffectiveness into) {
        jdbc.query("SELECT reason, channel, owner, COUNT(*), SUM(CASE WHEN converted THEN 1 ELSE 0 END), SUM(orders_after),"
                + " SUM(revenue_after), MIN(issued_on), MAX(issued_on) FROM rfm_revisit_task WHERE evaluated_on < ?"
                + " GROUP BY reason, channel, owner", (ResultSet rs) -> {
            into.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getBigDecimal(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class));
        }, asOf);
    }

    /**
     * Records a night: the customers whose state changed (the stretch that ends is closed, a new one starts), the
     * tasks issued, and the outcomes decided. Whatever an earlier run recorded for the same night is undone first,
     * so a rerun records the same as a first run.
     */
    public void record(HistoryComparison night, List<IssuedTask> issued, List<RevisitOutcome> decided) {
        if (!night.recorded()) {
            throw new IllegalStateException("the night " + night.asOf() + " is older than the latest recorded one, "
                    + night.latestRun() + ": recording it would rewrite newer history");
        }
        LocalDate d = night.asOf();
        forget(d);
        List<Integer> changed = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        for (int i = 0; i < night.customers().size(); i++) {
            if (night.current(i).differsFrom(night.previous(i))) {
                changed.add(i);
                if (night.previous(i) != null) {
                    closed.add(night.customers().get(i).customerId());
                }
            }
        }
        night.previous().gone().forEach(g -> closed.add(g.customerId()));
        batch("UPDATE rfm_customer_state SET valid_to = ? WHERE customer_id = ? AND valid_to IS NULL", closed, (ps, id) -> {
            ps.setObject(1, d);
            ps.setString(2, id);
        });
        batch("INSERT INTO rfm_customer_state (customer_id, valid_from, valid_to, segment, lifecycle_stage, value_tier,"
                + " r_score, f_score, m_score, churn_risk, segment_since) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)", changed,
                (ps, i) -> {
                    CustomerState s = night.current(i);
                    ps.setString(1, night.customers().get(i).customerId());
                    ps.setObject(2, d);
                    ps.setString(3, s.segment());
                    ps.setString(4, s.lifecycleStage());
                    ps.setString(5, s.valueTier());
                    setScore(ps, 6, s.r());
                    setScore(ps, 7, s.f());
                    setScore(ps, 8, s.m());
                    ps.setBoolean(9, s.churnRisk());
                    ps.setObject(10, s.segmentSince());
                });
        batch("INSERT INTO rfm_revisit_task (task_id, issued_on, customer_id, reason, channel, owner, priority, due_date)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", issued, (ps, t) -> {
            ps.setString(1, t.taskId());
            ps.setObject(2, t.issuedOn());
            ps.setString(3, t.customerId());
            ps.setString(4, t.reason());
            ps.setString(5, t.channel());
            ps.setString(6, t.owner());
            ps.setInt(7, t.priority());
            ps.setObject(8, t.dueDate());
        });
        batch("UPDATE rfm_revisit_task SET evaluated_on = ?, converted = ?, orders_after = ?, revenue_after = ?"
                + " WHERE task_id = ?", decided, (ps, o) -> {
            ps.setObject(1, d);
            ps.setBoolean(2, o.converted());
            ps.setInt(3, o.ordersAfter());
            ps.setBigDecimal(4, o.revenueAfter().setScale(10, RoundingMode.HALF_UP));
            ps.setString(5, o.task().taskId());
        });
        jdbc.update("INSERT INTO rfm_history_run (as_of, customers, changes, tasks, recorded_at) VALUES (?, ?, ?, ?, ?)",
                d, night.customers().size(), changed.size() + night.previous().gone().size(), issued.size(), LocalDateTime.now());
    }

    /** Undoes what was recorded for a night (nothing, if it was not). */
    private void forget(LocalDate d) {
        jdbc.update("DELETE FROM rfm_customer_state WHERE valid_from = ?", d);
        jdbc.update("UPDATE rfm_customer_state SET valid_to = NULL WHERE valid_to = ?", d);
        jdbc.update("DELETE FROM rfm_revisit_task WHERE issued_on = ?", d);
        jdbc.update("UPDATE rfm_revisit_task SET evaluated_on = NULL, converted = NULL, orders_after = NULL,"
                + " revenue_after = NULL WHERE evaluated_on = ?", d);
        jdbc.update("DELETE FROM rfm_history_run WHERE as_of = ?", d);
    }

    /** Rows in the customer-state history (for tests and the summary). */
    public long stateRows() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM rfm_customer_state", Long.class);
        return n == null ? 0 : n;
    }

    private interface Setter<T> {
        void set(PreparedStatement ps, T item) throws SQLException;
    }

    private <T> void batch(String sql, List<T> items, Setter<T> setter) {
        for (int from = 0; from < items.size(); from += BATCH) {
            List<T> part = items.subList(from, Math.min(items.size(), from + BATCH));
            jdbc.batchUpdate(sql, part, part.size(), setter::set);
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

package rfm.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rfm.history.HistoryComparisonTest.buyer;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import rfm.classify.LifecycleStage;
import rfm.classify.ScoredCustomer;
import rfm.revisit.IssuedTask;

/**
 * The customer states in a real H2 database with the job's migrations: written in batches that commit on their
 * own, a write that fails part way (as a crash would) is undone by the next, which then writes exactly what an
 * uninterrupted write would have.
 */
class HistoryStoreTest {

    static final LocalDate D1 = LocalDate.of(2026, 11, 20);
    static final LocalDate D2 = HistoryComparisonTest.D;

    @TempDir
    Path tmp;

    /** A H2 file database migrated as the job migrates it. */
    private DataSource database(String name) {
        return database(name, "");
    }

    /** As above, with more settings for its URL ({@code ;NAME=value...}). */
    private DataSource database(String name, String settings) {
        SimpleDriverDataSource ds = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:file:" + tmp.resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE" + settings, "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        return ds;
    }

    /** H2's WRITE_DELAY of each state-row batch, as the batch began. */
    private final List<Integer> writeDelays = new ArrayList<>();

    /** A store over the database, writing two rows per batch; {@code failAtBatch} > 0 fails that state-row batch. */
    private HistoryStore store(DataSource ds, int failAtBatch) {
        TransactionTemplate own = new TransactionTemplate(new DataSourceTransactionManager(ds));
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        JdbcTemplate jdbc = new JdbcTemplate(ds) {
            private int stateBatches;

            @Override
            public <T> int[][] batchUpdate(String sql, Collection<T> args, int size, ParameterizedPreparedStatementSetter<T> setter) {
                if (sql.contains("rfm_customer_state")) {
                    writeDelays.add(writeDelay(ds));
                    if (++stateBatches == failAtBatch) {
                        throw new IllegalStateException("the process died here");
                    }
                }
                return super.batchUpdate(sql, args, size, setter);
            }
        };
        return new HistoryStore(jdbc, own, 2);
    }

    private static int writeDelay(DataSource ds) {
        return new JdbcTemplate(ds).queryForObject(
                "SELECT MAX(CAST(SETTING_VALUE AS INT)) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'", Integer.class); // listed twice
    }

    private static List<ScoredCustomer> firstNight() {
        return List.of(
                buyer("C1", "LOYAL", LifecycleStage.LOYAL, "A", 4, 5, 5),
                buyer("C2", "LOYAL", LifecycleStage.LOYAL, "A", 4, 4, 4),
                buyer("C3", "AT_RISK", LifecycleStage.DORMANT, "B", 1, 3, 3),
                buyer("C4", "CHAMPIONS", LifecycleStage.LOYAL, "A", 5, 5, 5),
                buyer("C5", "LOYAL", LifecycleStage.ACTIVE, "B", 3, 3, 3));
    }

    /** C1 changes segment, C2 is gone, C6 is new, the others stay as they were. */
    private static List<ScoredCustomer> secondNight() {
        return List.of(
                buyer("C1", "AT_RISK", LifecycleStage.DORMANT, "B", 1, 5, 5),
                buyer("C3", "AT_RISK", LifecycleStage.DORMANT, "B", 1, 3, 3),
                buyer("C4", "CHAMPIONS", LifecycleStage.LOYAL, "A", 5, 5, 5),
                buyer("C5", "LOYAL", LifecycleStage.ACTIVE, "B", 3, 3, 3),
                buyer("C6", "LOYAL", LifecycleStage.ACTIVE, "B", 3, 1, 2));
    }

    private static HistoryComparison first(List<ScoredCustomer> customers) {
        return HistoryComparison.compare(D1, null, null, customers, new PreviousStates(customers));
    }

    private static HistoryComparison second(HistoryStore store, List<ScoredCustomer> customers) {
        PreviousStates previous = new PreviousStates(customers);
        store.statesOn(D1, previous);
        return HistoryComparison.compare(D2, D1, D1, customers, previous);
    }

    private static void record(HistoryStore store, HistoryComparison night) {
        store.recordNight(night, new NightFigures(night.customers().size(), night.customers().size(), 0,
                BigDecimal.TEN, 0, 0, 0), List.of(), List.of());
    }

    private static List<String> states(DataSource ds) {
        return new JdbcTemplate(ds).query("SELECT state_id, customer_id, valid_from, valid_to, segment FROM rfm_customer_state"
                        + " ORDER BY customer_id, valid_from",
                (rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getObject(3) + "-" + rs.getObject(4) + " " + rs.getString(5));
    }

    private static List<LocalDate> pending(DataSource ds) {
        return new JdbcTemplate(ds).queryForList("SELECT as_of FROM rfm_history_pending", LocalDate.class);
    }

    @Test
    void aFirstNightWrittenInBatchesHasEveryCustomerOnce() {
        DataSource ds = database("db");
        HistoryStore store = store(ds, 0);
        store.writeStates(first(firstNight()));
        assertThat(states(ds)).containsExactly(
                "1 C1 2026-11-20-null LOYAL",
                "2 C2 2026-11-20-null LOYAL",
                "3 C3 2026-11-20-null AT_RISK",
                "4 C4 2026-11-20-null CHAMPIONS",
                "5 C5 2026-11-20-null LOYAL");
        assertThat(pending(ds)).containsExactly(D1);
        // the batches need not reach the file one by one (H2 keeps them, up to a minute); afterwards H2's setting
        // is as it was (this database's default, 500 ms; the job's URL has 0)
        assertThat(writeDelays).hasSize(3).containsOnly(HistoryStore.STATES_WRITE_DELAY_MILLIS);
        assertThat(writeDelay(ds)).isEqualTo(500);
    }

    @Test
    void manyRowsAreWrittenInStatementsOfAHundredRowsAndTheRestWithEveryValueInItsColumn() {
        // 250 customers in transactions of 120: statements of 100 rows and of 20 (twice) and 10, none lost or moved
        int n = 250;
        List<ScoredCustomer> customers = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            customers.add(buyer(String.format("C%03d", i), i % 2 == 0 ? "LOYAL" : "AT_RISK",
                    i % 2 == 0 ? LifecycleStage.LOYAL : LifecycleStage.DORMANT, i % 3 == 0 ? "A" : "B", 1 + i % 5,
                    1 + i / 5 % 5, 1 + i / 25 % 5));
        }
        DataSource ds = database("db");
        TransactionTemplate own = new TransactionTemplate(new DataSourceTransactionManager(ds));
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        HistoryStore store = new HistoryStore(new JdbcTemplate(ds), own, 120);
        HistoryComparison night = first(customers);
        store.writeStates(night);
        List<IssuedTask> issued = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            issued.add(new IssuedTask(String.format("T%03d", i), D1, String.format("C%03d", i), "WIN_BACK", "PHONE",
                    "李娜", 1 + i % 3, D1.plusDays(i % 7)));
        }
        store.recordNight(night, new NightFigures(n, n, 0, BigDecimal.TEN, 0, n, 0), issued, List.of());

        JdbcTemplate jdbc = new JdbcTemplate(ds);
        assertThat(jdbc.query("SELECT state_id, customer_id, valid_from, valid_to, segment, lifecycle_stage, value_tier,"
                        + " r_score, f_score, m_score, churn_risk, segment_since FROM rfm_customer_state ORDER BY state_id",
                (rs, row) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getObject(3) + " " + rs.getObject(4) + " "
                        + rs.getString(5) + " " + rs.getString(6) + " " + rs.getString(7) + " " + rs.getInt(8)
                        + rs.getInt(9) + rs.getInt(10) + " " + rs.getBoolean(11) + " " + rs.getObject(12)))
                .hasSize(n)
                .startsWith("1 C001 2026-11-20 null AT_RISK DORMANT B 211 false 2026-11-20")
                .contains("100 C100 2026-11-20 null LOYAL LOYAL B 115 false 2026-11-20",
                        "101 C101 2026-11-20 null AT_RISK DORMANT B 215 false 2026-11-20",
                        "120 C120 2026-11-20 null LOYAL LOYAL A 155 false 2026-11-20",
                        "121 C121 2026-11-20 null AT_RISK DORMANT B 255 false 2026-11-20")
                .endsWith("250 C250 2026-11-20 null LOYAL LOYAL B 111 false 2026-11-20");
        PreviousStates read = new PreviousStates(customers);
        store.statesOn(D1, read);
        for (int i = 0; i < n; i++) {
            assertThat(read.get(i)).as("customer %d", i).isEqualTo(night.current(i));
        }
        assertThat(jdbc.query("SELECT task_id, issued_on, customer_id, reason, channel, owner, priority, due_date"
                        + " FROM rfm_revisit_task ORDER BY task_id",
                (rs, row) -> rs.getString(1) + " " + rs.getObject(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + " " + rs.getString(5) + " " + rs.getString(6) + " " + rs.getInt(7) + " " + rs.getObject(8)))
                .hasSize(n)
                .startsWith("T001 2026-11-20 C001 WIN_BACK PHONE 李娜 2 2026-11-21")
                .contains("T100 2026-11-20 C100 WIN_BACK PHONE 李娜 2 2026-11-22",
                        "T101 2026-11-20 C101 WIN_BACK PHONE 李娜 3 2026-11-23")
                .endsWith("T250 2026-11-20 C250 WIN_BACK PHONE 李娜 2 2026-11-25");
    }

    @Test
    void theStatesAreInTheFileOnceWrittenThoughTheNightIsNotYetRecorded() throws Exception {
        // a database that keeps its commits in memory for minutes (and stays open: H2 writes everything when its last
        // connection closes): only the write's own checkpoint puts the states in the file
        DataSource ds = database("db", ";WRITE_DELAY=300000");
        try (java.sql.Connection open = ds.getConnection()) {
            store(ds, 0).writeStates(first(firstNight()));
            // what the file holds now, read through a copy: the rows and the pending mark
            Files.copy(tmp.resolve("db.mv.db"), tmp.resolve("copy.mv.db"));
        }
        DataSource copy = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:file:" + tmp.resolve("copy") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        assertThat(states(copy)).hasSize(5);
        assertThat(pending(copy)).containsExactly(D1);
    }

    @Test
    void aSyncAheadThatFailsFailsNothing() {
        DataSource ds = database("db");
        TransactionTemplate own = new TransactionTemplate(new DataSourceTransactionManager(ds));
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        List<String> tried = new ArrayList<>();
        JdbcTemplate jdbc = new JdbcTemplate(ds) {
            @Override
            public void execute(String sql) {
                if (sql.startsWith("CHECKPOINT")) {
                    tried.add(sql);
                    throw new org.springframework.dao.DataAccessResourceFailureException("disk full");
                }
                super.execute(sql);
            }
        };
        HistoryStore store = new HistoryStore(jdbc, own, 2);
        HistoryComparison night = first(firstNight());
        store.writeStates(night);
        record(store, night);
        assertThat(tried).containsExactly("CHECKPOINT SYNC");
        assertThat(states(ds)).hasSize(5);
        assertThat(pending(ds)).isEmpty();
    }

    @Test
    void aNightOfMoreStatesThanH2KeepsInMemoryIsReadWhole() {
        // the states are read as the scan finds them (H2's lazy execution), not gathered first, which H2 does in a
        // temporary store once a result has more rows than MAX_MEMORY_ROWS (here 2 of 5)
        DataSource ds = database("db", ";MAX_MEMORY_ROWS=2");
        HistoryStore store = store(ds, 0);
        HistoryComparison night = first(firstNight());
        store.writeStates(night);
        record(store, night);

        HistoryComparison again = second(store, firstNight());
        assertThat(again.changes()).isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(again.previous(i)).as("customer %d", i).isEqualTo(night.current(i));
        }
        assertThat(again.previous().rowId(4)).isEqualTo(5);
    }

    @Test
    void aFirstNightThatFailsPartWayLeavesItsBatchesPendingAndTheNextWriteUndoesThem() {
        DataSource ds = database("db");
        assertThatThrownBy(() -> store(ds, 2).writeStates(first(firstNight())))
                .hasMessage("the process died here");
        assertThat(states(ds)).hasSize(2); // the first batch committed
        assertThat(pending(ds)).containsExactly(D1);
        assertThat(writeDelay(ds)).isEqualTo(500);

        store(ds, 0).writeStates(first(firstNight()));

        DataSource reference = database("reference");
        store(reference, 0).writeStates(first(firstNight()));
        assertThat(states(ds)).isEqualTo(states(reference)).hasSize(5);
        assertThat(pending(ds)).containsExactly(D1);
    }

    @Test
    void aSecondNightThatFailsAfterClosingStretchesIsUndoneAndWrittenAsIfUninterrupted() {
        DataSource ds = database("db");
        DataSource reference = database("reference");
        for (DataSource d : List.of(ds, reference)) {
            HistoryStore store = store(d, 0);
            HistoryComparison night = first(firstNight());
            store.writeStates(night);
            record(store, night);
        }
        // batches of two: the closes of C1 and C2 commit, then the first insert batch fails
        HistoryStore failing = store(ds, 2);
        assertThatThrownBy(() -> failing.writeStates(second(failing, secondNight()))).hasMessage("the process died here");
        // closed stretches are numbered apart (negated)
        assertThat(states(ds)).contains("-1 C1 2026-11-20-2026-11-22 LOYAL", "-2 C2 2026-11-20-2026-11-22 LOYAL");
        assertThat(pending(ds)).containsExactly(D2);

        HistoryStore rerun = store(ds, 0);
        rerun.writeStates(second(rerun, secondNight()));
        HistoryStore uninterrupted = store(reference, 0);
        uninterrupted.writeStates(second(uninterrupted, secondNight()));

        assertThat(states(ds)).isEqualTo(states(reference)).containsExactly(
                "-1 C1 2026-11-20-2026-11-22 LOYAL",
                "6 C1 2026-11-22-null AT_RISK",
                "-2 C2 2026-11-20-2026-11-22 LOYAL",
                "3 C3 2026-11-20-null AT_RISK",
                "4 C4 2026-11-20-null CHAMPIONS",
                "5 C5 2026-11-20-null LOYAL",
                "10 C6 2026-11-22-null LOYAL");
        assertThat(pending(ds)).containsExactly(D2);
    }

    @Test
    void theLatestRecordedNightIsReadFromItsOpenStretchesAlone() {
        DataSource ds = database("db");
        HistoryStore store = store(ds, 0);
        HistoryComparison night1 = first(firstNight());
        store.writeStates(night1);
        record(store, night1);
        HistoryComparison night2 = second(store, secondNight());
        store.writeStates(night2);
        record(store, night2);
        assertThat(states(ds)).contains("-1 C1 2026-11-20-2026-11-22 LOYAL", "-2 C2 2026-11-20-2026-11-22 LOYAL");

        assertThat(store.onlyOpenStretchesHold(D2)).isTrue();
        assertThat(store.onlyOpenStretchesHold(D1)).as("closed since").isFalse();
        // H2 reads the open stretches as a range of the key, not with a scan of every stretch
        assertThat(new JdbcTemplate(ds).queryForObject("EXPLAIN " + HistoryStore.statesQuery(true), String.class, D2, D2))
                .containsPattern("/\\* PUBLIC.PRIMARY_KEY_\\w+: STATE_ID > CAST\\(0 AS BIGINT\\) \\*/");

        // a stretch numbered as closed that would hold on D2 by its dates (no such row is ever written): read only
        // when closes after D2 may exist, as a pending night's would
        new JdbcTemplate(ds).update("INSERT INTO rfm_customer_state (state_id, customer_id, valid_from, valid_to, segment,"
                + " lifecycle_stage, churn_risk, segment_since) VALUES (-100, 'C9', ?, DATE '2099-01-01', 'LOST', 'CHURNED',"
                + " FALSE, ?)", D1, D1);
        PreviousStates open = new PreviousStates(secondNight());
        store.statesOn(D2, open);
        assertThat(open.gone()).isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThat(open.get(i)).as("customer %d", i).isEqualTo(night2.current(i));
        }
        assertThat(open.rowId(0)).as("C1's new stretch").isEqualTo(6);

        new JdbcTemplate(ds).update("INSERT INTO rfm_history_pending (as_of) VALUES (DATE '2026-11-23')");
        assertThat(store.onlyOpenStretchesHold(D2)).isFalse();
        PreviousStates all = new PreviousStates(secondNight());
        store.statesOn(D2, all);
        assertThat(all.gone()).extracting(PreviousStates.Gone::customerId, PreviousStates.Gone::rowId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C9", 100L));

        // the night before D2, read from every stretch: C1's and C2's closed ones, numbered as they were while open
        PreviousStates before = new PreviousStates(firstNight());
        store.statesOn(D1, before);
        assertThat(before.rowId(0)).isEqualTo(1);
        assertThat(before.rowId(1)).isEqualTo(2);
        for (int i = 0; i < 5; i++) {
            assertThat(before.get(i)).as("customer %d", i).isEqualTo(night1.current(i));
        }
    }

    @Test
    void theTasksToFollowUpAreFoundByTheFollowUpIndexNotByEveryTaskDue() {
        DataSource ds = database("db");
        String plan = new JdbcTemplate(ds).queryForObject("EXPLAIN " + HistoryStore.FOLLOW_UP_QUERY, String.class,
                D1, D2, D1);
        // both halves of the union a range of (evaluated_on, due_date); the index of the due date alone is gone
        assertThat(plan).containsPattern("(?s)RFM_REVISIT_TASK_FOLLOW_UP: EVALUATED_ON IS NULL.*"
                + "RFM_REVISIT_TASK_FOLLOW_UP: EVALUATED_ON >= ");
        assertThat(plan).doesNotContain("RFM_REVISIT_TASK_DUE_DATE", "RFM_REVISIT_TASK_ISSUED_ON");
    }

    @Test
    void outcomesDecidedBeforeTheirSumsWereKeptAreSummedByTheMigration() {
        SimpleDriverDataSource ds = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:file:" + tmp.resolve("v5") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .target("5").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        String insert = "INSERT INTO rfm_revisit_task (task_id, issued_on, customer_id, reason, channel, owner, priority,"
                + " due_date, evaluated_on, converted, orders_after, revenue_after) VALUES (?, ?, ?, ?, 'PHONE', ?, 1, ?, ?, ?, ?, ?)";
        LocalDate issued = LocalDate.of(2026, 10, 1);
        LocalDate due = issued.plusDays(3);
        jdbc.update(insert, "T1", issued, "C1", "CHURN_RISK", "李娜", due, D1, true, 2, new BigDecimal("350.5"));
        jdbc.update(insert, "T2", issued.plusDays(1), "C2", "CHURN_RISK", "李娜", due, D1, false, 0, BigDecimal.ZERO);
        jdbc.update(insert, "T3", issued, "C3", "WIN_BACK", "王芳", due, D2, true, 1, new BigDecimal("20"));
        jdbc.update(insert, "T4", issued, "C4", "WIN_BACK", "王芳", due, null, null, null, null);

        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        assertThat(jdbc.query("SELECT evaluated_on, reason, owner, tasks, converted, orders_after, revenue_after,"
                        + " first_issued, last_issued FROM rfm_revisit_outcome ORDER BY evaluated_on, reason",
                (rs, n) -> rs.getObject(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4) + " "
                        + rs.getLong(5) + " " + rs.getLong(6) + " " + rs.getBigDecimal(7).stripTrailingZeros().toPlainString()
                        + " " + rs.getObject(8) + " " + rs.getObject(9)))
                .containsExactly("2026-11-20 CHURN_RISK 李娜 2 1 2 350.5 2026-10-01 2026-10-02",
                        "2026-11-22 WIN_BACK 王芳 1 1 1 20 2026-10-01 2026-10-01");
    }
}

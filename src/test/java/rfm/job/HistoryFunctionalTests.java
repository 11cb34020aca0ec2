package rfm.job;

import static org.assertj.core.api.Assertions.assertThat;
import static rfm.job.NightlyJobFunctionalTests.readCsv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Night over night, through the command line with a real H2 database: a small shop whose exports change from
 * one as-of date to the next ({@code src/test/resources/history/<date>/}, fixed score thresholds), with every
 * expected value worked out by hand below from jobs/nightly.yml's rules.
 * <p>
 * The shop: C1 buys every 33 days (10 orders of 2,500, last on 2026-10-22: F5 M5; recency 29, 30, 31 makes R
 * 5, 5, 4), C2 first buys on 11-21, C3 (3 orders, 2,500: F3 M3, R5, ACTIVE) answers a survey with 1 on 11-22
 * (UNHAPPY), C4 (2 orders of 500, last on 08-22: recency 90 then 91) turns DORMANT on 11-21, C5 and C6 are
 * prospects until C5 buys on 11-22 and C6 leaves customers.csv on 11-22.
 */
class HistoryFunctionalTests {

    static final Path SHOP = Path.of("src/test/resources/history");
    static final String INPUT = SHOP.resolve("{date}").toString();
    static final String JOB = SHOP.resolve("job.yml").toString();
    static final String D1 = "2026-11-20";
    static final String D2 = "2026-11-21";
    static final String D3 = "2026-11-22";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private CommandRun night(String asOf, String... extra) {
        List<String> args = new ArrayList<>(List.of("--input", INPUT, "--output", tmp.resolve("out").toString(),
                "--db", tmp.resolve("db").toString(), "--job", JOB, "--as-of", asOf));
        args.addAll(List.of(extra));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        return run;
    }

    private Path published(String asOf) {
        return tmp.resolve("out").resolve(asOf);
    }

    /** customer_id -> the named columns of a CSV file, as "a,b,c". */
    static Map<String, String> columns(Path file, String... names) throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        for (Map<String, String> r : readCsv(file)) {
            List<String> values = new ArrayList<>();
            for (String n : names) {
                values.add(r.get(n));
            }
            rows.put(r.get("customer_id"), String.join(",", values));
        }
        return rows;
    }

    private JsonNode summary(String asOf) throws IOException {
        return JSON.readTree(published(asOf).resolve("summary.json").toFile());
    }

    static List<String> query(Path db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath(), "sa", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join(",", values));
            }
        }
        return rows;
    }

    private List<String> stateHistory() throws SQLException {
        return query(tmp.resolve("db"), "SELECT customer_id, valid_from, valid_to, segment, lifecycle_stage, value_tier,"
                + " r_score, f_score, m_score, churn_risk, segment_since FROM rfm_customer_state ORDER BY customer_id, valid_from");
    }

    private void threeNights() {
        for (String d : List.of(D1, D2, D3)) {
            CommandRun run = night(d);
            assertThat(run.exitCode()).as(d + ": " + run.err()).isZero();
        }
    }

    @Test
    void threeNightsOfAChangingShop() throws Exception {
        threeNights();

        // night 1: no earlier night, so everyone is new and entered its segment tonight
        assertThat(columns(published(D1).resolve("crm_delta.csv"), "change", "segment", "lifecycle_stage", "value_tier", "churn_risk"))
                .containsExactly(
                        Map.entry("C1", "NEW,CHAMPIONS,LOYAL,A,false"),
                        Map.entry("C3", "NEW,POTENTIAL_LOYALIST,ACTIVE,B,false"),
                        Map.entry("C4", "NEW,PROMISING,ACTIVE,C,true"), // DECLINING: 0 orders in (D-90, D], 2 before
                        Map.entry("C5", "NEW,PROSPECT,POTENTIAL,,false"),
                        Map.entry("C6", "NEW,PROSPECT,POTENTIAL,,false"));
        assertThat(columns(published(D1).resolve("customers_scored.csv"), "previous_segment", "previous_lifecycle_stage", "segment_since"))
                .containsOnly(Map.entry("C1", ",," + D1), Map.entry("C3", ",," + D1), Map.entry("C4", ",," + D1),
                        Map.entry("C5", ",," + D1), Map.entry("C6", ",," + D1));
        assertThat(summary(D1).get("history").get("previous_run").isNull()).isTrue();
        assertThat(summary(D1).get("migration").get("segments").toString())
                .isEqualTo("{\"(new)\":{\"CHAMPIONS\":1,\"POTENTIAL_LOYALIST\":1,\"PROMISING\":1,\"PROSPECT\":2}}");

        // night 2: C2 is new; C4 passed 90 days: R 4 -> 3, ACTIVE -> DORMANT, no longer at churn risk (DORMANT is not flagged)
        assertThat(columns(published(D2).resolve("crm_delta.csv"), "change", "changed_fields", "previous_segment", "segment",
                "previous_churn_risk", "churn_risk"))
                .containsExactly(
                        Map.entry("C2", "NEW,segment|lifecycle_stage|value_tier|churn_risk,,NEW_CUSTOMERS,,false"),
                        Map.entry("C4", "CHANGED,segment|lifecycle_stage|churn_risk,PROMISING,ABOUT_TO_SLEEP,true,false"));
        assertThat(columns(published(D2).resolve("customers_scored.csv"), "segment", "previous_segment", "segment_since"))
                .containsExactly(
                        Map.entry("C1", "CHAMPIONS,CHAMPIONS," + D1), // recency 30 still scores R5: nothing changed
                        Map.entry("C2", "NEW_CUSTOMERS,," + D2),
                        Map.entry("C3", "POTENTIAL_LOYALIST,POTENTIAL_LOYALIST," + D1),
                        Map.entry("C4", "ABOUT_TO_SLEEP,PROMISING," + D2),
                        Map.entry("C5", "PROSPECT,PROSPECT," + D1),
                        Map.entry("C6", "PROSPECT,PROSPECT," + D1));

        // night 3: C1 slips from CHAMPIONS to LOYAL (recency 31: R4), C3 is unhappy, C5 buys, C6 is gone
        assertThat(columns(published(D3).resolve("crm_delta.csv"), "change", "changed_fields", "previous_segment", "segment",
                "previous_lifecycle_stage", "lifecycle_stage", "previous_value_tier", "value_tier", "previous_churn_risk",
                "churn_risk", "segment_since", "previous_run"))
                .containsExactly(
                        Map.entry("C1", "CHANGED,segment,CHAMPIONS,LOYAL,LOYAL,LOYAL,A,A,false,false," + D3 + "," + D2),
                        Map.entry("C3", "CHANGED,churn_risk,POTENTIAL_LOYALIST,POTENTIAL_LOYALIST,ACTIVE,ACTIVE,B,B,false,true," + D1 + "," + D2),
                        Map.entry("C5", "CHANGED,segment|lifecycle_stage|value_tier,PROSPECT,NEW_CUSTOMERS,POTENTIAL,NEW,,C,false,false," + D3 + "," + D2),
                        Map.entry("C6", "GONE,segment|lifecycle_stage|value_tier|churn_risk,PROSPECT,,POTENTIAL,,,,false,,," + D2));
        assertThat(columns(published(D3).resolve("customers_scored.csv"), "previous_segment", "previous_lifecycle_stage", "segment_since"))
                .containsExactly(
                        Map.entry("C1", "CHAMPIONS,LOYAL," + D3),
                        Map.entry("C2", "NEW_CUSTOMERS,NEW," + D2),
                        Map.entry("C3", "POTENTIAL_LOYALIST,ACTIVE," + D1),
                        Map.entry("C4", "ABOUT_TO_SLEEP,DORMANT," + D2),
                        Map.entry("C5", "PROSPECT,POTENTIAL," + D3));
        JsonNode migration = summary(D3).get("migration");
        assertThat(migration.get("from_run").asString()).isEqualTo(D2);
        assertThat(migration.get("segments").toString()).isEqualTo("{\"CHAMPIONS\":{\"LOYAL\":1},"
                + "\"POTENTIAL_LOYALIST\":{\"POTENTIAL_LOYALIST\":1},\"NEW_CUSTOMERS\":{\"NEW_CUSTOMERS\":1},"
                + "\"ABOUT_TO_SLEEP\":{\"ABOUT_TO_SLEEP\":1},\"PROSPECT\":{\"NEW_CUSTOMERS\":1,\"(gone)\":1}}");
        assertThat(migration.get("lifecycle_stages").toString()).isEqualTo("{\"POTENTIAL\":{\"NEW\":1,\"(gone)\":1},"
                + "\"DORMANT\":{\"DORMANT\":1},\"NEW\":{\"NEW\":1},\"LOYAL\":{\"LOYAL\":1},\"ACTIVE\":{\"ACTIVE\":1}}");
        assertThat(summary(D3).get("outputs").get("crm_delta.csv").get("rows").asLong()).isEqualTo(4);

        // the history holds the changes only: 5 rows on night 1, 2 on night 2 (C2, C4), 3 on night 3 (C1, C3, C5)
        assertThat(stateHistory()).containsExactly(
                "C1,2026-11-20,2026-11-22,CHAMPIONS,LOYAL,A,5,5,5,false,2026-11-20",
                "C1,2026-11-22,null,LOYAL,LOYAL,A,4,5,5,false,2026-11-22",
                "C2,2026-11-21,null,NEW_CUSTOMERS,NEW,C,5,1,1,false,2026-11-21",
                "C3,2026-11-20,2026-11-22,POTENTIAL_LOYALIST,ACTIVE,B,5,3,3,false,2026-11-20",
                "C3,2026-11-22,null,POTENTIAL_LOYALIST,ACTIVE,B,5,3,3,true,2026-11-20",
                "C4,2026-11-20,2026-11-21,PROMISING,ACTIVE,C,4,2,2,true,2026-11-20",
                "C4,2026-11-21,null,ABOUT_TO_SLEEP,DORMANT,C,3,2,2,false,2026-11-21",
                "C5,2026-11-20,2026-11-22,PROSPECT,POTENTIAL,null,null,null,null,false,2026-11-20",
                "C5,2026-11-22,null,NEW_CUSTOMERS,NEW,C,5,1,1,false,2026-11-22",
                "C6,2026-11-20,2026-11-22,PROSPECT,POTENTIAL,null,null,null,null,false,2026-11-20");
        assertThat(query(tmp.resolve("db"), "SELECT as_of, customers, changes FROM rfm_history_run ORDER BY as_of"))
                .containsExactly("2026-11-20,5,5", "2026-11-21,6,2", "2026-11-22,5,4");
        assertThat(query(tmp.resolve("db"), "SELECT COUNT(*), COUNT(DISTINCT issued_on) FROM rfm_revisit_task"))
                .as("the tasks of every night are kept").containsExactly("%d,3".formatted(
                        readCsv(published(D1).resolve("revisit_tasks.csv")).size()
                                + readCsv(published(D2).resolve("revisit_tasks.csv")).size()
                                + readCsv(published(D3).resolve("revisit_tasks.csv")).size()));
    }

    @Test
    void aBackfillGivesWhatThreeNightlyRunsGive() throws Exception {
        threeNights();
        Path out = tmp.resolve("backfill");
        CommandRun run = CommandRun.of("--input", INPUT, "--output", out.toString(), "--db", tmp.resolve("db2").toString(), "--job", JOB,
                "--from", D1, "--to", D3);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Backfill: as-of 2026-11-20 (1 of 3)", "Backfill completed: 3 as-of dates");
        for (String d : List.of(D1, D2, D3)) {
            for (String file : List.of("crm_delta.csv", "customers_scored.csv", "revisit_effectiveness.csv")) {
                assertThat(out.resolve(d).resolve(file)).as(d + "/" + file).hasSameBinaryContentAs(published(d).resolve(file));
            }
        }
        assertThat(query(tmp.resolve("db2"), "SELECT COUNT(*) FROM rfm_customer_state")).containsExactly("10");
    }

    @Test
    void aBackfillStopsAtTheFirstNightThatFails() throws IOException {
        Path input = tmp.resolve("exports");
        for (String d : List.of(D1, D3)) { // no export for 11-21
            Files.createDirectories(input.resolve(d));
            for (String f : List.of("orders.csv", "customers.csv", "interactions.csv")) {
                Files.copy(SHOP.resolve(d).resolve(f), input.resolve(d).resolve(f));
            }
        }
        CommandRun run = CommandRun.of("--input", input.resolve("{date}").toString(), "--output", tmp.resolve("out").toString(),
                "--db", tmp.resolve("db").toString(), "--job", JOB, "--from", D1, "--to", D3);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("does not exist", "the backfill stopped at as-of 2026-11-21");
        assertThat(published(D1)).isDirectory();
        assertThat(published(D3)).doesNotExist();
    }

    @Test
    void backfillOptionsAreChecked() {
        CommandRun both = CommandRun.of("--input", INPUT, "--output", tmp.resolve("out").toString(), "--as-of", D1, "--from", D1, "--to", D3);
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--as-of cannot go with --from/--to");
        CommandRun backwards = CommandRun.of("--input", INPUT, "--output", tmp.resolve("out").toString(), "--from", D3, "--to", D1);
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.err()).contains("--to 2026-11-20 is before --from 2026-11-22");
        CommandRun half = CommandRun.of("--input", INPUT, "--output", tmp.resolve("out").toString(), "--from", D3);
        assertThat(half.exitCode()).isEqualTo(2);
        assertThat(half.err()).contains("--from and --to go together");
    }

    @Test
    void aNightOlderThanTheLatestRecordedOneLeavesTheHistoryAsItIs() throws Exception {
        threeNights();
        List<String> before = stateHistory();
        List<String> tasksBefore = query(tmp.resolve("db"), "SELECT * FROM rfm_revisit_task ORDER BY task_id");

        CommandRun rerun = night(D2, "--force");
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(stateHistory()).isEqualTo(before);
        assertThat(query(tmp.resolve("db"), "SELECT * FROM rfm_revisit_task ORDER BY task_id")).isEqualTo(tasksBefore);
        JsonNode history = summary(D2).get("history");
        assertThat(history.get("recorded").asBoolean()).isFalse();
        assertThat(history.get("latest_recorded_run").asString()).isEqualTo(D3);
        // still compared with the night before it, as on its first run
        assertThat(columns(published(D2).resolve("crm_delta.csv"), "change", "previous_segment", "segment"))
                .containsExactly(Map.entry("C2", "NEW,,NEW_CUSTOMERS"), Map.entry("C4", "CHANGED,PROMISING,ABOUT_TO_SLEEP"));
    }

    @Test
    void aForcedRerunOfTheLatestNightRecordsItOnce() throws Exception {
        threeNights();
        List<String> before = stateHistory();
        byte[] delta = Files.readAllBytes(published(D3).resolve("crm_delta.csv"));
        CommandRun rerun = night(D3, "--force");
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(stateHistory()).isEqualTo(before);
        assertThat(Files.readAllBytes(published(D3).resolve("crm_delta.csv"))).isEqualTo(delta);
        assertThat(summary(D3).get("history").get("recorded").asBoolean()).isTrue();
    }

    @Test
    void aNightThatFailsRecordsNothingAndItsRestartRecordsItWhole() throws Exception {
        CommandRun first = night(D1);
        assertThat(first.exitCode()).as(first.err()).isZero();
        failedNight(D2, Map.of(FaultInjection.PROPERTY, "orders.csv:4"));
        assertThat(query(tmp.resolve("db"), "SELECT COUNT(*) FROM rfm_customer_state")).containsExactly("5");
        assertThat(query(tmp.resolve("db"), "SELECT MAX(as_of) FROM rfm_history_run")).containsExactly(D1);
        assertD2RecordedAsUninterrupted();
    }

    /**
     * The customer states go into the history on a thread of their own, beside the files and the summary: a night
     * whose write of them fails fails as a whole (nothing published, nothing recorded), and its rerun records it.
     */
    @Test
    void aNightWhoseStatesCannotBeWrittenFailsAndItsRerunRecordsIt() throws Exception {
        assertThat(night(D1).exitCode()).isZero();
        CommandRun failed = failedNight(D2, Map.of(FaultInjection.PROPERTY, "step:recordStates"));
        assertThat(failed.err() + failed.out()).contains("injected fault at step:recordStates");
        assertThat(query(tmp.resolve("db"), "SELECT MAX(as_of) FROM rfm_history_run")).containsExactly(D1);
        assertThat(query(tmp.resolve("db"), "SELECT COUNT(*) FROM rfm_customer_state")).containsExactly("5");
        assertD2RecordedAsUninterrupted();
    }

    /**
     * A night that fails in another step while its states are being written ends only once they are written
     * (pending: the run closes its database after the write, not under it); they never count, and its rerun
     * records the night as an uninterrupted run does.
     */
    @Test
    void aNightThatFailsBesideTheStatesWriteWaitsForItAndItsRerunRecordsTheNight() throws Exception {
        assertThat(night(D1).exitCode()).isZero();
        failedNight(D2, Map.of(FaultInjection.PROPERTY, "step:writeSegmentFiles",
                FaultInjection.PAUSE_PROPERTY, "step:recordStates:1500")); // still to write when the run fails
        // written whole before the run ended: 5 of 11-20 and tonight's 2 (C2 new, C4 changed), pending
        assertThat(query(tmp.resolve("db"), "SELECT COUNT(*) FROM rfm_customer_state")).containsExactly("7");
        assertThat(query(tmp.resolve("db"), "SELECT as_of FROM rfm_history_pending")).containsExactly(D2);
        assertThat(query(tmp.resolve("db"), "SELECT MAX(as_of) FROM rfm_history_run")).containsExactly(D1);
        assertD2RecordedAsUninterrupted();
    }

    /** Runs the night with these fault-injection properties set (cleared after); it must fail and publish nothing. */
    private CommandRun failedNight(String asOf, Map<String, String> faults) {
        faults.forEach(System::setProperty);
        try {
            CommandRun failed = night(asOf);
            assertThat(failed.exitCode()).as(failed.out()).isEqualTo(1);
            assertThat(published(asOf)).doesNotExist();
            return failed;
        } finally {
            faults.keySet().forEach(System::clearProperty);
        }
    }

    /** Runs 11-21 again after a failed run of it: recorded as an uninterrupted run records it. */
    private void assertD2RecordedAsUninterrupted() throws Exception {
        CommandRun rerun = night(D2);
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(query(tmp.resolve("db"), "SELECT COUNT(*) FROM rfm_customer_state")).containsExactly("7");
        assertThat(query(tmp.resolve("db"), "SELECT MAX(as_of) FROM rfm_history_run")).containsExactly(D2);
        assertThat(query(tmp.resolve("db"), "SELECT COUNT(*) FROM rfm_history_pending")).containsExactly("0");
        assertThat(columns(published(D2).resolve("crm_delta.csv"), "change")).containsExactly(
                Map.entry("C2", "NEW"), Map.entry("C4", "CHANGED"));
    }

    /**
     * A night that fails after its customer states were written (beside the files) but before it was published
     * leaves them pending; the next night, here 11-22 straight after a failed 11-21, undoes them and compares with
     * 11-20, the latest recorded night.
     */
    @Test
    void statesOfANightThatWasNotPublishedNeverCount() throws Exception {
        assertThat(night(D1).exitCode()).isZero();
        System.setProperty(FaultInjection.PROPERTY, "step:publish");
        try {
            CommandRun failed = night(D2);
            assertThat(failed.exitCode()).as(failed.out()).isEqualTo(1);
        } finally {
            System.clearProperty(FaultInjection.PROPERTY);
        }
        assertThat(published(D2)).doesNotExist();
        assertThat(query(tmp.resolve("db"), "SELECT as_of FROM rfm_history_pending")).containsExactly(D2);
        assertThat(query(tmp.resolve("db"), "SELECT COUNT(*) FROM rfm_revisit_task WHERE issued_on = DATE '2026-11-21'"))
                .containsExactly("0");

        CommandRun next = night(D3);
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(summary(D3).get("history").get("previous_run").asString()).isEqualTo(D1);
        // against 11-20: C1 CHAMPIONS -> LOYAL, C2 new, C3 unhappy, C4 PROMISING -> ABOUT_TO_SLEEP, C5 buys, C6 gone
        assertThat(columns(published(D3).resolve("crm_delta.csv"), "change", "previous_segment", "segment"))
                .containsExactly(
                        Map.entry("C1", "CHANGED,CHAMPIONS,LOYAL"),
                        Map.entry("C2", "NEW,,NEW_CUSTOMERS"),
                        Map.entry("C3", "CHANGED,POTENTIAL_LOYALIST,POTENTIAL_LOYALIST"),
                        Map.entry("C4", "CHANGED,PROMISING,ABOUT_TO_SLEEP"),
                        Map.entry("C5", "CHANGED,PROSPECT,NEW_CUSTOMERS"),
                        Map.entry("C6", "GONE,PROSPECT,"));
        assertThat(query(tmp.resolve("db"), "SELECT valid_from, COUNT(*) FROM rfm_customer_state GROUP BY valid_from ORDER BY valid_from"))
                .containsExactly("2026-11-20,5", "2026-11-22,5");
        assertThat(query(tmp.resolve("db"), "SELECT COUNT(*) FROM rfm_customer_state WHERE valid_to = DATE '2026-11-21'"))
                .containsExactly("0");
        assertThat(query(tmp.resolve("db"), "SELECT COUNT(*) FROM rfm_history_pending")).containsExactly("0");
    }

    /** A job repository made by an earlier version (Spring Boot's schema script, no Flyway table) is taken over. */
    @Test
    void aDatabaseAnEarlierVersionMadeIsTakenOver() throws Exception {
        Path db = tmp.resolve("old");
        String script;
        try (var in = getClass().getResourceAsStream("/org/springframework/batch/core/schema-h2.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath(), "sa", "");
             Statement s = c.createStatement()) {
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
        CommandRun run = CommandRun.of("--input", SHOP.resolve(D1).toString(), "--output", tmp.resolve("out").toString(), "--db", db.toString(),
                "--job", JOB, "--as-of", D1);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(query(db, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" ORDER BY \"installed_rank\""))
                .containsExactly("null", "0", "1", "2", "3", "4", "5", "6");
        assertThat(query(db, "SELECT COUNT(*) FROM rfm_customer_state")).containsExactly("5");
    }

    /**
     * The migrations run beside Spring's start-up (SchemaMigration); one that fails still stops the run before it
     * starts: exit code 1, Flyway's message, no job execution, nothing published, and the database left for the
     * operator (here a table of the history's name that some other tool made, which V2 cannot create again).
     */
    @Test
    void aDatabaseWhoseSchemaCannotBeMigratedFailsTheRunBeforeItStarts() throws Exception {
        Path db = tmp.resolve("foreign");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath(), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE rfm_history_run (note VARCHAR)");
        }
        Path out = tmp.resolve("out");
        CommandRun run = CommandRun.of("--input", SHOP.resolve(D1).toString(), "--output", out.toString(), "--db", db.toString(),
                "--job", JOB, "--as-of", D1);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("rfm-nightly: the database's schema could not be brought up to date; nothing was run")
                .contains("V2__history.sql").contains("RFM_HISTORY_RUN");
        assertThat(out.resolve(D1)).doesNotExist();
        assertThat(query(db, "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\""))
                .as("V1 went in, V2 failed and nothing after it ran")
                .containsExactly("null,true", "0,true", "1,true", "2,false");
        assertThat(query(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).containsExactly("0");
    }

    /**
     * The sample shop on ten consecutive as-of dates (as a backfill, from one export): the history gains one row
     * per customer whose kept state (segment, stage, tier, scores, churn flag) differs from the night before,
     * counted here from the published customers_scored.csv files, and no more.
     */
    @Test
    void theHistoryGrowsByRealChangesOnly() throws Exception {
        Path out = tmp.resolve("out");
        CommandRun run = CommandRun.of("--input", "sample-data", "--output", out.toString(), "--db", tmp.resolve("db").toString(),
                "--job", "sample-data/sample-shop.yml", "--from", "2026-11-13", "--to", "2026-11-22", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        long changes = 0;
        Map<String, String> before = new HashMap<>();
        for (int day = 13; day <= 22; day++) {
            Map<String, String> tonight = columns(out.resolve("2026-11-" + day).resolve("customers_scored.csv"),
                    "segment", "lifecycle_stage", "value_tier", "r_score", "f_score", "m_score", "churn_risk");
            for (Map.Entry<String, String> c : tonight.entrySet()) {
                if (!c.getValue().equals(before.get(c.getKey()))) {
                    changes++;
                }
            }
            assertThat(before.keySet()).as("no customer leaves the sample").isSubsetOf(tonight.keySet());
            before = tonight;
        }
        int customers = before.size();
        assertThat(changes).as("more than the first night, far less than a copy per night")
                .isGreaterThan(customers).isLessThan(3L * customers);
        assertThat(query(tmp.resolve("db"), "SELECT COUNT(*) FROM rfm_customer_state")).containsExactly(Long.toString(changes));
        assertThat(query(tmp.resolve("db"), "SELECT SUM(changes) FROM rfm_history_run")).containsExactly(Long.toString(changes));
    }

    /**
     * 回访效果 end to end. On 2026-11-01 five unhappy ACTIVE customers (orders on 06-01 and 09-15, a survey of 1 on
     * 10-27) each get a CHURN_RISK task due 11-03; with a 3-day window their follow-up runs from 11-02 to 11-06.
     * X1 ordered on 11-01 itself (before the task), X2 on 11-04 and 11-06 (converted, 2 orders, 350.50), X3 on
     * 11-07 (after the window), X4 replied on WeChat on 11-05 (converted), X5 only had our own call on 11-02.
     */
    @Test
    void revisitEffectivenessCreditsOrdersAndRepliesInTheWindowOnly() throws Exception {
        Path input = tmp.resolve("exports");
        String customers = "customer_id,name,owner\nX1,客户一,李娜\nX2,客户二,李娜\nX3,客户三,李娜\nX4,客户四,王芳\nX5,客户五,王芳\n";
        StringBuilder orders = new StringBuilder("order_id,customer_id,order_date,amount\n");
        StringBuilder interactions = new StringBuilder("interaction_id,customer_id,occurred_at,channel,direction,satisfaction\n");
        for (int i = 1; i <= 5; i++) {
            orders.append("A").append(i).append(",X").append(i).append(",2026-06-01,1000.00\n");
            orders.append("B").append(i).append(",X").append(i).append(",2026-09-15,1000.00\n");
            interactions.append("S").append(i).append(",X").append(i).append(",2026-10-27 10:00:00,SURVEY,IN,1\n");
        }
        orders.append("C1,X1,2026-11-01,500.00\n");
        write(input.resolve("2026-11-01"), customers, orders.toString(), interactions.toString());
        orders.append("C2,X2,2026-11-04,250.00\nD2,X2,2026-11-06,100.50\nC3,X3,2026-11-07,800.00\n");
        interactions.append("R4,X4,2026-11-05 09:00:00,WECHAT,IN,\nK5,X5,2026-11-02 15:00:00,PHONE,OUT,\n");
        write(input.resolve("later"), customers, orders.toString(), interactions.toString());
        String job = SHOP.resolve("followup-job.yml").toString();
        Path out = tmp.resolve("out");
        Path db = tmp.resolve("db");
        java.util.function.BiFunction<String, String, CommandRun> night = (folder, asOf) -> CommandRun.of("--input", input.resolve(folder).toString(),
                "--output", out.toString(), "--db", db.toString(), "--job", job, "--as-of", asOf, "--force");

        CommandRun issued = night.apply("2026-11-01", "2026-11-01");
        assertThat(issued.exitCode()).as(issued.err()).isZero();
        assertThat(columns(out.resolve("2026-11-01/revisit_tasks.csv"), "reason", "due_date", "channel"))
                .containsOnlyKeys("X1", "X2", "X3", "X4", "X5")
                .allSatisfy((id, task) -> assertThat(task).isEqualTo("CHURN_RISK,2026-11-03,PHONE"));

        CommandRun tooEarly = night.apply("later", "2026-11-05"); // the window is still open: nothing is decided yet
        assertThat(tooEarly.exitCode()).as(tooEarly.err()).isZero();
        assertThat(readCsv(out.resolve("2026-11-05/revisit_effectiveness.csv")).get(0)).containsEntry("tasks", "0");

        CommandRun decided = night.apply("later", "2026-11-08");
        assertThat(decided.exitCode()).as(decided.err()).isZero();
        assertThat(query(db, "SELECT customer_id, converted, orders_after, revenue_after FROM rfm_revisit_task"
                + " WHERE issued_on = DATE '2026-11-01' ORDER BY customer_id")).containsExactly(
                "X1,false,0,0E-10", "X2,true,2,350.5000000000", "X3,false,0,0E-10", "X4,true,0,0E-10", "X5,false,0,0E-10");
        List<Map<String, String>> rows = readCsv(out.resolve("2026-11-08/revisit_effectiveness.csv"));
        assertThat(rows.get(0)).containsAllEntriesOf(Map.of("breakdown", "all", "tasks", "5", "converted", "2",
                "conversion_rate", "0.4000", "orders_after", "2", "revenue_after", "350.50",
                "first_issued_on", "2026-11-01", "last_issued_on", "2026-11-01"));
        assertThat(rows).filteredOn(r -> r.get("breakdown").equals("owner"))
                .extracting(r -> r.get("owner") + ":" + r.get("tasks") + ":" + r.get("converted"))
                .containsExactly("李娜:3:1", "王芳:2:1");
        assertThat(rows).filteredOn(r -> r.get("breakdown").equals("reason+channel+owner"))
                .extracting(r -> r.get("reason") + "/" + r.get("channel") + "/" + r.get("owner"))
                .containsExactly("CHURN_RISK/PHONE/李娜", "CHURN_RISK/PHONE/王芳");
        JsonNode e = JSON.readTree(out.resolve("2026-11-08/summary.json").toFile()).get("revisit_effectiveness");
        assertThat(e.get("decided_this_run").asInt()).isEqualTo(5);
        assertThat(e.get("converted").asInt()).isEqualTo(2);

        // a forced rerun decides the same again; a later night adds them up from the history without reading again
        byte[] report = Files.readAllBytes(out.resolve("2026-11-08/revisit_effectiveness.csv"));
        assertThat(night.apply("later", "2026-11-08").exitCode()).isZero();
        assertThat(out.resolve("2026-11-08/revisit_effectiveness.csv")).hasBinaryContent(report);
        assertThat(night.apply("later", "2026-11-09").exitCode()).isZero();
        JsonNode next = JSON.readTree(out.resolve("2026-11-09/summary.json").toFile()).get("revisit_effectiveness");
        assertThat(next.get("decided_this_run").asInt()).isZero();
        assertThat(next.get("tasks").asInt()).isEqualTo(5);
        assertThat(next.get("converted").asInt()).isEqualTo(2);
        // ... from the nights' sums (rfm_revisit_outcome), which the forced rerun replaced rather than added to
        assertThat(query(db, "SELECT evaluated_on, reason, channel, owner, tasks, converted, orders_after, revenue_after,"
                + " first_issued, last_issued FROM rfm_revisit_outcome ORDER BY owner"))
                .containsExactly("2026-11-08,CHURN_RISK,PHONE,李娜,3,1,2,350.5000000000,2026-11-01,2026-11-01",
                        "2026-11-08,CHURN_RISK,PHONE,王芳,2,1,0,0E-10,2026-11-01,2026-11-01");
    }

    private static void write(Path folder, String customers, String orders, String interactions) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("customers.csv"), customers);
        Files.writeString(folder.resolve("orders.csv"), orders);
        Files.writeString(folder.resolve("interactions.csv"), interactions);
    }
    /**
     * A history of two nights recorded before V4 (states keyed by customer and date) is renumbered by V4, its closed
     * stretches numbered apart by V5, and the next night closes and opens stretches in it exactly as in a history
     * written by this version.
     */
    @Test
    void statesRecordedBeforeTheRowIdsAreTakenOverByTheMigration() throws Exception {
        assertThat(night(D1).exitCode()).isZero();
        assertThat(night(D2).exitCode()).isZero();
        Path old = tmp.resolve("v3");
        String url = "jdbc:h2:file:" + old.toAbsolutePath();
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").baselineOnMigrate(true)
                .baselineVersion("0").target("3").load().migrate();
        String columns = "customer_id, valid_from, valid_to, segment, lifecycle_stage, value_tier, r_score, f_score,"
                + " m_score, churn_risk, segment_since";
        try (Connection to = DriverManager.getConnection(url, "sa", "");
             Connection from = DriverManager.getConnection("jdbc:h2:file:" + tmp.resolve("db").toAbsolutePath(), "sa", "")) {
            copy(from, to, "SELECT " + columns + " FROM rfm_customer_state", "rfm_customer_state (" + columns + ")", 11);
            copy(from, to, "SELECT as_of, customers, changes, tasks, recorded_at FROM rfm_history_run",
                    "rfm_history_run (as_of, customers, changes, tasks, recorded_at)", 5);
        }
        assertThat(query(old, "SELECT COUNT(*) FROM rfm_customer_state WHERE valid_to IS NOT NULL")).as("C4's, closed on D2")
                .containsExactly("1");
        CommandRun migrated = CommandRun.of("--input", INPUT, "--output", tmp.resolve("out-v3").toString(), "--db", old.toString(),
                "--job", JOB, "--as-of", D3);
        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(night(D3).exitCode()).isZero();

        for (String file : List.of("customers_scored.csv", "crm_delta.csv")) {
            assertThat(Files.readString(tmp.resolve("out-v3").resolve(D3).resolve(file))).as(file)
                    .isEqualTo(Files.readString(published(D3).resolve(file)));
        }
        String states = "SELECT " + columns + " FROM rfm_customer_state ORDER BY customer_id, valid_from";
        assertThat(query(old, states)).isEqualTo(query(tmp.resolve("db"), states)).hasSizeGreaterThan(7);
        for (Path db : List.of(old, tmp.resolve("db"))) {
            assertThat(query(db, "SELECT COUNT(DISTINCT ABS(state_id)), COUNT(*) FROM rfm_customer_state"))
                    .as("unique numbers").isEqualTo(query(db, "SELECT COUNT(*), COUNT(*) FROM rfm_customer_state"));
            assertThat(query(db, "SELECT COUNT(*) FROM rfm_customer_state WHERE (valid_to IS NULL) <> (state_id > 0)"))
                    .as("open stretches numbered above 0, closed ones below").containsExactly("0");
        }
    }

    private static void copy(Connection from, Connection to, String select, String into, int columns) throws SQLException {
        try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery(select);
             var insert = to.prepareStatement("INSERT INTO " + into + " VALUES (" + "?, ".repeat(columns - 1) + "?)")) {
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    insert.setObject(i, rs.getObject(i));
                }
                insert.executeUpdate();
            }
        }
    }
}

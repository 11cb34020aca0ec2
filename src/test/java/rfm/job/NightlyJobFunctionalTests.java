package rfm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rfm.RfmApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole nightly job, run through its command line on real files with a real H2 job repository,
 * checked against expectations computed independently (scripts/sample-data/expected_rfm.py).
 */
class NightlyJobFunctionalTests {

    static final Path SAMPLE = Path.of("sample-data");
    static final Path SAMPLE_JOB = SAMPLE.resolve("sample-shop.yml");
    static final Path EXPECTED = Path.of("src/test/resources/expected/sample-2026-11-22");
    static final String AS_OF = "2026-11-22";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    record Run(int exitCode, String out, String err, Path published) {
    }

    private Run run(Path input, Path output, Path db, String... extra) {
        List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--output", output.toString(),
                "--as-of", AS_OF, "--db", db.toString(), "--job", SAMPLE_JOB.toString()));
        args.addAll(List.of(extra));
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = RfmApplication.run(args.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                output.resolve(AS_OF));
    }

    /** An input folder with the sample's customers and interactions and these orders. */
    private Path sampleWithOrders(String ordersCsv) throws IOException {
        Path input = tmp.resolve("in");
        Files.createDirectories(input);
        Files.copy(SAMPLE.resolve("customers.csv"), input.resolve("customers.csv"));
        Files.copy(SAMPLE.resolve("interactions.csv"), input.resolve("interactions.csv"));
        Files.writeString(input.resolve("orders.csv"), ordersCsv, StandardCharsets.UTF_8);
        return input;
    }

    private Run runSample(String name) {
        return run(SAMPLE, tmp.resolve(name).resolve("out"), tmp.resolve(name).resolve("db"));
    }

    static List<Map<String, String>> readCsv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVParser.builder().setReader(new java.io.StringReader(text))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                rows.add(r.toMap());
            }
            return rows;
        }
    }

    @Test
    void sampleShopMatchesTheIndependentCalculationInEveryColumn() throws IOException {
        Run run = runSample("a");
        assertThat(run.exitCode()).as(run.err()).isZero();

        Path scored = run.published().resolve("customers_scored.csv");
        byte[] bytes = Files.readAllBytes(scored);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF); // Excel/WPS read it as UTF-8
        List<String> header = Files.readAllLines(scored).get(0).replace("\uFEFF", "").lines().toList();
        assertThat(header.get(0)).startsWith("customer_id,name,owner,recency_days,frequency,monetary,first_order_date,"
                + "last_order_date,r_score,f_score,m_score,rfm_code,segment,value_tier,lifecycle_stage,dormant,churn_risk,"
                + "churn_risk_reasons,interaction_tier,interactions_90d,last_contact_date");

        List<Map<String, String>> expected = readCsv(EXPECTED.resolve("customers_scored.csv"));
        List<Map<String, String>> actual = readCsv(scored);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> e = expected.get(i);
            Map<String, String> a = actual.get(i);
            for (String column : e.keySet()) {
                assertThat(a.get(column)).as("%s of %s", column, e.get("customer_id")).isEqualTo(e.get(column));
            }
        }
    }

    @Test
    void everyRejectedRowIsListedWithItsLineAndReasonAndTheCountsAddUp() throws IOException {
        Run run = runSample("a");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode expected = JSON.readTree(EXPECTED.resolve("rejects.json").toFile());
        for (String file : List.of("orders.csv", "interactions.csv", "customers.csv")) {
            List<List<Object>> lines = new ArrayList<>();
            for (Map<String, String> r : readCsv(run.published().resolve("rejects").resolve(file))) {
                lines.add(List.of(Integer.parseInt(r.get("line")), r.get("reason")));
                assertThat(r.get("message")).isNotBlank();
                assertThat(r.get("raw")).isNotBlank();
            }
            List<List<Object>> want = new ArrayList<>();
            expected.get(file).forEach(n -> want.add(List.of(n.get(0).asInt(), n.get(1).asString())));
            assertThat(lines).as(file).isEqualTo(want);
        }

        JsonNode counts = JSON.readTree(EXPECTED.resolve("counts.json").toFile());
        JsonNode summary = JSON.readTree(run.published().resolve("summary.json").toFile());
        JsonNode orders = summary.get("inputs").get("orders.csv");
        assertThat(orders.get("rows_read").asLong()).isEqualTo(counts.get("orders.csv").get("rows_read").asLong());
        assertThat(orders.get("rows_used").asLong()).isEqualTo(counts.get("orders.csv").get("counted").asLong());
        assertThat(orders.get("rows_not_counted_status").asLong()).isEqualTo(counts.get("orders.csv").get("not_counted_status").asLong());
        assertThat(orders.get("rejects_by_reason").get("DUPLICATE_ORDER").asLong()).isEqualTo(counts.get("orders.csv").get("duplicate").asLong());
        assertThat(orders.get("rejects_by_reason").get("FUTURE_DATE").asLong()).isEqualTo(counts.get("orders.csv").get("future_dated").asLong());
        assertThat(orders.get("bad_rows").asLong()).isEqualTo(counts.get("orders.csv").get("bad").asLong());
        JsonNode interactions = summary.get("inputs").get("interactions.csv");
        assertThat(interactions.get("rows_used").asLong()).isEqualTo(counts.get("interactions.csv").get("used").asLong());
        assertThat(interactions.get("rows_after_as_of").asLong()).isEqualTo(counts.get("interactions.csv").get("after_as_of").asLong());
        assertThat(interactions.get("bad_rows").asLong()).isEqualTo(counts.get("interactions.csv").get("bad").asLong());
        JsonNode customers = summary.get("inputs").get("customers.csv");
        assertThat(customers.get("rows_used").asLong()).isEqualTo(counts.get("customers.csv").get("used").asLong());
        assertThat(customers.get("bad_rows").asLong()).isEqualTo(counts.get("customers.csv").get("bad").asLong());
        for (String group : List.of("segments", "lifecycle_stages", "value_tiers")) {
            counts.get(group).properties().forEach(e ->
                    assertThat(summary.get(group).get(e.getKey()).asLong()).as(group + " " + e.getKey())
                            .isEqualTo(e.getValue().asLong()));
        }
        assertThat(summary.get("customers").get("total").asLong()).isEqualTo(counts.get("customers").asLong());
    }

    /**
     * Past a file's first block the usual rows are read from their lines' bytes and keep no record; a duplicate or
     * future-dated order found there is still listed with its line and its text as written (read again from the
     * file, after a byte order mark, with CRLF line ends), and the counts add up.
     */
    @Test
    void aDuplicateOrFutureOrderDeepInALongFileIsListedAsWritten() throws IOException {
        StringBuilder orders = new StringBuilder("\uFEFForder_id,customer_id,order_date,amount,currency,status\r\n");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String line = switch (i) {
                case 1_500 -> "SO7,C003,2026-01-05,12.00,CNY,PAID";            // a duplicate of line 9's order
                case 2_400 -> "SO992400,C004,2026-12-01 10:00:00,5.50,cny,paid"; // after the as-of date
                case 2_401 -> "SO992401,C004,2026-02-30,5.50,CNY,PAID";          // a bad date, rejected while parsing
                default -> "SO" + i + ",C00" + (1 + i % 9) + ",2026-0" + (1 + i % 9) + "-1" + (i % 10) + ","
                        + (i % 97) + "." + (i % 10) + "0,CNY," + (i % 13 == 0 ? "REFUNDED" : "PAID");
            };
            lines.add(line);
            orders.append(line).append("\r\n");
        }
        Path input = sampleWithOrders(orders.toString());
        Run run = run(input, tmp.resolve("out"), tmp.resolve("db"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<List<String>> rejects = new ArrayList<>();
        for (Map<String, String> r : readCsv(run.published().resolve("rejects").resolve("orders.csv"))) {
            rejects.add(List.of(r.get("line"), r.get("reason"), r.get("raw")));
        }
        assertThat(rejects).containsExactly(List.of("1502", "DUPLICATE_ORDER", lines.get(1_500)),
                List.of("2402", "FUTURE_DATE", lines.get(2_400)), List.of("2403", "BAD_DATE", lines.get(2_401)));
        JsonNode counts = JSON.readTree(run.published().resolve("summary.json").toFile()).get("inputs").get("orders.csv");
        assertThat(counts.get("rows_read").asLong()).isEqualTo(3_000);
        assertThat(counts.get("rows_rejected").asLong()).isEqualTo(3);
        assertThat(counts.get("rows_used").asLong() + counts.get("rows_not_counted_status").asLong()).isEqualTo(2_997);
    }

    @Test
    void segmentFilesHoldEachCustomerOnceUnderItsSegment() throws IOException {
        Run run = runSample("a");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, String> segmentOf = new HashMap<>();
        readCsv(run.published().resolve("customers_scored.csv")).forEach(r -> segmentOf.put(r.get("customer_id"), r.get("segment")));
        Map<String, String> fromFiles = new HashMap<>();
        try (Stream<Path> files = Files.list(run.published().resolve("segments"))) {
            for (Path f : files.toList()) {
                assertThat(Files.readAllBytes(f)[0]).isNotEqualTo((byte) 0xEF); // CRM files: plain UTF-8, no BOM
                String segment = f.getFileName().toString().replace(".csv", "");
                for (Map<String, String> r : readCsv(f)) {
                    assertThat(fromFiles.put(r.get("customer_id"), segment)).as("once: " + r.get("customer_id")).isNull();
                    assertThat(r.get("segment")).isEqualTo(segment);
                    assertThat(r.get("segment_name_zh")).isNotBlank();
                    assertThat(r.get("suggested_action_zh")).isNotBlank();
                }
            }
        }
        assertThat(fromFiles).isEqualTo(segmentOf);
    }

    @Test
    void shuffledInputRowsGiveTheSameResults() throws IOException {
        Path shuffled = tmp.resolve("shuffled-input");
        Files.createDirectories(shuffled);
        // rows sharing an order id (duplicates) or a customer (survey ties) keep their relative order
        shuffle(SAMPLE.resolve("orders.csv"), shuffled.resolve("orders.csv"), "order_id", 7);
        shuffle(SAMPLE.resolve("interactions.csv"), shuffled.resolve("interactions.csv"), "customer_id", 11);
        shuffle(SAMPLE.resolve("customers.csv"), shuffled.resolve("customers.csv"), "customer_id", 13);

        Run straight = runSample("straight");
        Run mixed = run(shuffled, tmp.resolve("mixed/out"), tmp.resolve("mixed/db"));
        assertThat(straight.exitCode()).isZero();
        assertThat(mixed.exitCode()).as(mixed.err()).isZero();
        assertThat(Files.readString(mixed.published().resolve("customers_scored.csv")))
                .isEqualTo(Files.readString(straight.published().resolve("customers_scored.csv")));
        for (String segment : List.of("CHAMPIONS", "LOST", "PROSPECT")) {
            Path file = Path.of("segments", segment + ".csv");
            assertThat(Files.readString(mixed.published().resolve(file)))
                    .isEqualTo(Files.readString(straight.published().resolve(file)));
        }
    }

    /** Writes the data rows in a seeded random order that keeps rows of the same key in their order. */
    private static void shuffle(Path from, Path to, String key, long seed) throws IOException {
        List<CSVRecord> records;
        List<String> header;
        try (Reader reader = Files.newBufferedReader(from, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        }
        Random random = new Random(seed);
        Map<String, Double> rank = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            order.add(i);
            rank.computeIfAbsent(value(records.get(i), key), k -> random.nextDouble());
        }
        order.sort((a, b) -> {
            int c = Double.compare(rank.get(value(records.get(a), key)), rank.get(value(records.get(b), key)));
            return c != 0 ? c : Integer.compare(a, b);
        });
        try (CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(to, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (int i : order) {
                printer.printRecord(records.get(i).values());
            }
        }
    }

    private static String value(CSVRecord r, String key) {
        return r.isMapped(key) && r.isSet(key) ? r.get(key) : "";
    }

    @Test
    void twoRunsOnTheSameInputWriteIdenticalFilesApartFromTimings() throws IOException {
        Run first = runSample("first");
        Run second = runSample("second");
        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(first.published())) {
            files = walk.filter(Files::isRegularFile).map(first.published()::relativize).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (Path f : files) {
            if (f.toString().equals("summary.json") || f.toString().equals("metrics.prom")) {
                continue; // timings
            }
            assertThat(Files.readAllBytes(second.published().resolve(f))).as(f.toString())
                    .isEqualTo(Files.readAllBytes(first.published().resolve(f)));
        }
        JsonNode a = JSON.readTree(first.published().resolve("summary.json").toFile());
        JsonNode b = JSON.readTree(second.published().resolve("summary.json").toFile());
        ((tools.jackson.databind.node.ObjectNode) a).remove("run");
        ((tools.jackson.databind.node.ObjectNode) b).remove("run");
        assertThat(b).isEqualTo(a);
    }

    @Test
    void aCompletedDateIsANoOpUnlessForced() throws IOException {
        Path out = tmp.resolve("out");
        Path db = tmp.resolve("db");
        assertThat(run(SAMPLE, out, db).exitCode()).isZero();
        Path marker = out.resolve(AS_OF).resolve("analyst-note.txt");
        Files.writeString(marker, "left alone");

        Run again = run(SAMPLE, out, db);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already completed");
        assertThat(marker).exists();

        Run forced = run(SAMPLE, out, db, "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(marker).doesNotExist(); // a forced run publishes a fresh folder
        assertThat(out.resolve(AS_OF).resolve("customers_scored.csv")).exists();
    }

    @Test
    void missingOrdersFileFailsWithExitTwoAndPublishesNothing() throws IOException {
        Path input = tmp.resolve("in");
        Files.createDirectories(input);
        Files.copy(SAMPLE.resolve("customers.csv"), input.resolve("customers.csv"));
        Run run = run(input, tmp.resolve("out"), tmp.resolve("db"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("orders.csv").contains("missing");
        assertThat(run.published()).doesNotExist();
    }

    @Test
    void missingColumnIsNamedWithTheHeadersFound() throws IOException {
        Path input = tmp.resolve("in");
        Files.createDirectories(input);
        Files.writeString(input.resolve("orders.csv"), "order_id,customer,order_date,amount\nO1,C1,2026-11-01,10\n");
        Run run = run(input, tmp.resolve("out"), tmp.resolve("db"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("orders.csv line 1: missing required column(s) customer_id")
                .contains("the header has: order_id, customer, order_date, amount");
        assertThat(run.published()).doesNotExist();
    }

    @Test
    void tooManyBadRowsFailWithExitTwoNamingTheLinesAndKeepTheEarlierResults() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(run(SAMPLE, out, tmp.resolve("db1")).exitCode()).isZero();
        byte[] before = Files.readAllBytes(out.resolve(AS_OF).resolve("customers_scored.csv"));

        Path input = tmp.resolve("in");
        Files.createDirectories(input);
        StringBuilder orders = new StringBuilder("order_id,customer_id,order_date,amount\n");
        for (int i = 1; i <= 18; i++) {
            orders.append("O").append(i).append(",C").append(i).append(",2026-11-0").append(1 + i % 9).append(",10\n");
        }
        orders.append("O19,C19,2026-13-01,10\nO20,C20,2026-11-01,ten\n"); // 2 of 20 rows bad: 10% is the limit, 10% passes
        Files.writeString(input.resolve("orders.csv"), orders.toString());
        assertThat(run(input, tmp.resolve("ok"), tmp.resolve("db2")).exitCode()).isZero();

        Files.writeString(input.resolve("orders.csv"), orders + "O21,,2026-11-01,10\n"); // 3 of 21: over the limit
        Run failed = run(input, out, tmp.resolve("db3"));
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.err()).contains("orders.csv: 3 bad rows of 21 is over the reject limit of 10%")
                .contains("line 20 BAD_DATE").contains("line 21 BAD_AMOUNT").contains("line 22 MISSING_ID");
        assertThat(Files.readAllBytes(out.resolve(AS_OF).resolve("customers_scored.csv"))).isEqualTo(before);
    }

    @Test
    void badJobFileFailsBeforeAnyWorkWithExitTwo() throws IOException {
        Path job = tmp.resolve("job.yml");
        Files.writeString(job, "extends: " + Path.of("jobs/nightly.yml").toAbsolutePath() + "\nlifecycle:\n  dormant-after-days: -1\n");
        Run run = run(SAMPLE, tmp.resolve("out"), tmp.resolve("db"), "--job", job.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("dormant-after-days");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void unknownOptionIsExitTwoWithUsage() {
        Run run = run(SAMPLE, tmp.resolve("out"), tmp.resolve("db"), "--frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option --frobnicate").contains("usage:");
    }

    @Test
    void aRunThatFailedOnBadInputResumesOnceTheInputIsFixed() throws IOException {
        Path input = sampleWithOrders("order_id,customer_id,order_date,amount\nO1,C001,yesterday,10\n");
        Path out = tmp.resolve("out");
        Path db = tmp.resolve("db");
        Run failed = run(input, out, db);
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(out.resolve(AS_OF)).doesNotExist();

        Files.copy(SAMPLE.resolve("orders.csv"), input.resolve("orders.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Run resumed = run(input, out, db);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).doesNotContain("already completed");
        Run clean = runSample("clean");
        assertThat(Files.readAllBytes(out.resolve(AS_OF).resolve("customers_scored.csv")))
                .isEqualTo(Files.readAllBytes(clean.published().resolve("customers_scored.csv")));
    }

    @Test
    void aBrokenRecordMidChunkIsReportedByFileAndLineWithoutAStackTrace() throws IOException {
        // chunks of 50 rows are folded 10 at a time: the record of line 300 breaks while its chunk is being folded
        List<String> orders = new ArrayList<>(Files.readAllLines(SAMPLE.resolve("orders.csv"), StandardCharsets.UTF_8));
        orders.set(299, orders.get(299).replaceFirst(",", ",\"")); // line 300 opens a quote it never closes
        Path input = sampleWithOrders(String.join("\n", orders) + "\n");
        Path logs = tmp.resolve("logs");
        Path job = tmp.resolve("job.yml");
        Files.writeString(job, "extends: " + SAMPLE_JOB.toAbsolutePath() + "\noperations:\n  chunk-size: 50\n  log-dir: "
                + logs.toAbsolutePath() + "\n");

        Run run = run(input, tmp.resolve("out"), tmp.resolve("db"), "--job", job.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("orders.csv line 300: a quote opened on this line is never closed");
        assertThat(run.out() + run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.published()).doesNotExist();
        String log;
        try (Stream<Path> files = Files.list(logs)) {
            log = Files.readString(files.findFirst().orElseThrow(), StandardCharsets.UTF_8);
        }
        assertThat(log).contains("Step readOrders: FAILED")
                .contains("Step readOrders stopped at bad input: orders.csv line 300: a quote opened")
                .doesNotContain("\tat ");
    }

    @Test
    void headerOnlyOrdersGiveProspectsOnly() throws IOException {
        Path input = tmp.resolve("in");
        Files.createDirectories(input);
        Files.writeString(input.resolve("orders.csv"), "order_id,customer_id,order_date,amount\n");
        Files.writeString(input.resolve("customers.csv"), "customer_id,name\nC2,李四\nC1,张三\n");
        Run run = run(input, tmp.resolve("out"), tmp.resolve("db"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, String>> rows = readCsv(run.published().resolve("customers_scored.csv"));
        assertThat(rows).extracting(r -> r.get("customer_id")).containsExactly("C1", "C2");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("segment")).isEqualTo("PROSPECT");
            assertThat(r.get("lifecycle_stage")).isEqualTo("POTENTIAL");
            assertThat(r.get("monetary")).isEqualTo("0.00");
            assertThat(r.get("rfm_code")).isEmpty();
        });
    }

    @Test
    void formulaLikeValuesFromTheInputsAreShownAsText() throws IOException {
        Path input = tmp.resolve("in");
        Files.createDirectories(input);
        Files.writeString(input.resolve("orders.csv"), "order_id,customer_id,order_date,amount\nO1,C1,2026-01-01,10\n");
        Files.writeString(input.resolve("customers.csv"), "customer_id,name,owner,phone\n"
                + "C1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",@王芳,+86 138 0000 0000\n");
        Run run = run(input, tmp.resolve("out"), tmp.resolve("db"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        String neutralised = "'=HYPERLINK(\"http://x\",\"y\")";
        Map<String, String> row = readCsv(run.published().resolve("customers_scored.csv")).get(0);
        assertThat(row.get("name")).isEqualTo(neutralised);
        assertThat(row.get("owner")).isEqualTo("'@王芳");
        assertThat(row.get("monetary")).isEqualTo("10.00");
        // a lone buyer scores 111 under SPEC's quantiles, and a dormant tier-D buyer gets a REACTIVATE task
        Map<String, String> crm = readCsv(run.published().resolve("segments/LOST.csv")).get(0);
        assertThat(crm.get("name")).isEqualTo(neutralised);
        Map<String, String> task = readCsv(run.published().resolve("revisit_tasks.csv")).get(0);
        assertThat(task.get("name")).isEqualTo(neutralised);
        assertThat(task.get("phone")).isEqualTo("+86 138 0000 0000"); // a phone number can run nothing
        try (Stream<Path> files = Files.list(run.published().resolve("tasks"))) {
            Path own = files.findFirst().orElseThrow();
            assertThat(readCsv(own).get(0).get("name")).isEqualTo(neutralised);
        }
    }

    @Test
    void aRunKilledWhileRunningIsMarkedFailedAndResumed() throws Exception {
        Path input = tmp.resolve("in");
        Files.createDirectories(input);
        Files.writeString(input.resolve("orders.csv"), "order_id,customer_id,order_date,amount\nO1,C1,bad,10\n");
        Path db = tmp.resolve("db");
        assertThat(run(input, tmp.resolve("out"), db).exitCode()).isEqualTo(2);
        // what a killed process leaves behind: an execution that never finished
        try (var connection = java.sql.DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath(), "sa", "");
             var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL");
        }
        Files.writeString(input.resolve("orders.csv"), "order_id,customer_id,order_date,amount\nO1,C1,2026-11-01,10\n");
        Run resumed = run(input, tmp.resolve("out"), db);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("was killed while running; marking it failed and resuming it");
        assertThat(readCsv(resumed.published().resolve("customers_scored.csv"))).hasSize(1);
    }

    @Test
    void aFilePatternThatIsNoGlobIsReportedByTheRunNotThrownAtStartUp() throws Exception {
        // the encodings are detected ahead from the same patterns: that head start must not fail the run itself
        Path job = tmp.resolve("job.yml");
        Files.writeString(job, "extends: " + SAMPLE_JOB.toAbsolutePath() + "\ninputs:\n  orders:\n    file: \"orders[.csv\"\n");

        Run r = run(SAMPLE, tmp.resolve("out"), tmp.resolve("db"), "--job", job.toString());

        assertThat(r.exitCode()).as(r.err()).isNotZero();
        assertThat(r.err()).contains("orders[.csv");
        assertThat(r.published()).doesNotExist();
    }

    @Test
    void aFinishedStepsRecordCutOffByACrashIsIgnoredAndTheStepIsReadAgain() throws Exception {
        Path job = tmp.resolve("job.yml");
        Files.writeString(job, "extends: " + SAMPLE_JOB.toAbsolutePath() + "\noperations:\n  chunk-size: 50\n");
        Path out = tmp.resolve("out");
        Path db = tmp.resolve("db");
        System.setProperty(FaultInjection.PROPERTY, "orders.csv:300"); // customers and interactions finish beside it
        try {
            assertThat(run(SAMPLE, out, db, "--job", job.toString()).exitCode()).isEqualTo(1);
        } finally {
            System.clearProperty(FaultInjection.PROPERTY);
        }
        Path done = out.resolve("." + AS_OF + ".journal").resolve("customers.done");
        assertThat(done).exists();
        Files.write(done, new byte[0]); // as if the machine died while the file was being written

        Run resumed = run(SAMPLE, out, db, "--job", job.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        Run clean = run(SAMPLE, tmp.resolve("clean"), tmp.resolve("clean-db"), "--job", job.toString());
        for (String f : List.of("customers_scored.csv", "revisit_tasks.csv", "rejects/customers.csv", "rejects/orders.csv")) {
            assertThat(Files.readAllBytes(resumed.published().resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(clean.published().resolve(f)));
        }
    }

    @Test
    void aRunThatFailsMidStepResumesAfterTheLastCommittedChunkAndPublishesTheSameFiles() throws Exception {
        Path job = tmp.resolve("job.yml");
        Files.writeString(job, "extends: " + SAMPLE_JOB.toAbsolutePath() + "\noperations:\n  chunk-size: 50\n");
        Path out = tmp.resolve("out");
        Path db = tmp.resolve("db");
        System.setProperty(FaultInjection.PROPERTY, "orders.csv:300"); // as if the process died reading line 300
        Run failed;
        try {
            failed = run(SAMPLE, out, db, "--job", job.toString());
        } finally {
            System.clearProperty(FaultInjection.PROPERTY);
        }
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("injected fault at orders.csv:300");
        assertThat(out.resolve(AS_OF)).doesNotExist();

        Run resumed = run(SAMPLE, out, db, "--job", job.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        // the second attempt read only the rows after the last chunk committed before line 300
        try (var connection = java.sql.DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath(), "sa", "");
             var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT READ_COUNT, STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'readOrders'"
                     + " ORDER BY STEP_EXECUTION_ID")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("FAILED");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("COMPLETED");
            assertThat(rs.getLong(1)).isBetween(1L, 451L - 250L);
        }
        Run clean = run(SAMPLE, tmp.resolve("clean"), tmp.resolve("clean-db"), "--job", job.toString());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(clean.published())) {
            files = walk.filter(Files::isRegularFile).map(clean.published()::relativize).sorted().toList();
        }
        try (Stream<Path> walk = Files.walk(resumed.published())) {
            assertThat(walk.filter(Files::isRegularFile).map(resumed.published()::relativize).sorted().toList()).isEqualTo(files);
        }
        for (Path f : files) {
            if (!f.toString().equals("summary.json") && !f.toString().equals("metrics.prom")) {
                assertThat(Files.readAllBytes(resumed.published().resolve(f))).as(f.toString())
                        .isEqualTo(Files.readAllBytes(clean.published().resolve(f)));
            }
        }
        JsonNode a = JSON.readTree(clean.published().resolve("summary.json").toFile());
        JsonNode b = JSON.readTree(resumed.published().resolve("summary.json").toFile());
        ((tools.jackson.databind.node.ObjectNode) a).remove(List.of("run", "job_file"));
        ((tools.jackson.databind.node.ObjectNode) b).remove(List.of("run", "job_file"));
        assertThat(b).isEqualTo(a);
        assertThat(out.resolve("." + AS_OF + ".journal")).as("journals go once published").doesNotExist();
    }

    @Test
    void revisitTasksMatchTheIndependentCalculation() throws IOException {
        Run run = runSample("a");
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String file : List.of("revisit_tasks.csv", "revisit_unscheduled.csv")) {
            List<Map<String, String>> expected = readCsv(EXPECTED.resolve(file));
            List<Map<String, String>> actual = readCsv(run.published().resolve(file));
            assertThat(actual).as(file).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                for (String column : expected.get(i).keySet()) {
                    assertThat(actual.get(i).get(column)).as("%s: %s of %s", file, column, expected.get(i).get("customer_id"))
                            .isEqualTo(expected.get(i).get(column));
                }
            }
        }
        JsonNode counts = JSON.readTree(EXPECTED.resolve("counts.json").toFile()).get("revisit");
        JsonNode summary = JSON.readTree(run.published().resolve("summary.json").toFile()).get("revisit");
        assertThat(summary.get("tasks").asLong()).isEqualTo(counts.get("tasks").asLong());
        assertThat(summary.get("unscheduled").asLong()).isEqualTo(counts.get("unscheduled").asLong());
        for (String group : List.of("by_reason", "by_owner", "by_due_date")) {
            assertThat(summary.get(group)).as(group).isEqualTo(counts.get(group));
        }
    }

    @Test
    void eachOwnerHasAFileWithExactlyTheirTasks() throws IOException {
        Run run = runSample("a");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, String>> all = readCsv(run.published().resolve("revisit_tasks.csv"));
        List<Map<String, String>> fromOwnerFiles = new ArrayList<>();
        try (Stream<Path> files = Files.list(run.published().resolve("tasks"))) {
            for (Path f : files.sorted().toList()) {
                List<Map<String, String>> rows = readCsv(f);
                assertThat(rows).isNotEmpty();
                assertThat(rows).extracting(r -> r.get("owner")).containsOnly(rows.get(0).get("owner"));
                fromOwnerFiles.addAll(rows);
            }
        }
        assertThat(fromOwnerFiles).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void ownerNamesFromTheDataCannotEscapeTheTasksFolder() throws IOException {
        Path input = tmp.resolve("in");
        Files.createDirectories(input);
        Files.writeString(input.resolve("orders.csv"), "order_id,customer_id,order_date,amount\n"
                + "O1,C1,2026-01-01,10\nO2,C2,2026-01-01,10\nO3,C3,2026-01-01,10\n");
        // all three are DORMANT tier C or D: REACTIVATE tasks for owners with hostile names
        Files.writeString(input.resolve("customers.csv"), "customer_id,name,owner\n"
                + "C1,甲,../../etc/x\nC2,乙,con\nC3,丙,\"a/b\"\n");
        Path out = tmp.resolve("out");
        Run run = run(input, out, tmp.resolve("db"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(tmp.resolve("etc")).doesNotExist();
        List<String> owners = new ArrayList<>();
        try (Stream<Path> files = Files.list(run.published().resolve("tasks"))) {
            for (Path f : files.toList()) {
                assertThat(f.getFileName().toString()).matches("[\\p{L}\\p{N}_-]+\\.csv");
                readCsv(f).forEach(r -> owners.add(r.get("owner")));
            }
        }
        assertThat(owners).containsExactlyInAnyOrder("../../etc/x", "con", "a/b");
        try (Stream<Path> walk = Files.walk(out)) {
            assertThat(walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .allMatch(f -> f.startsWith(run.published()))).isTrue();
        }
    }

    @Test
    void theSameShopExportedByAChineseErpGivesTheSameResults() throws IOException {
        Path gbk = SAMPLE.resolve("gb18030-shop");
        Path out = tmp.resolve("gbk/out");
        Run run = run(gbk, out, tmp.resolve("gbk/db"), "--job", gbk.resolve("job.yml").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String file : List.of("customers_scored.csv", "revisit_tasks.csv")) {
            assertThat(readCsv(run.published().resolve(file))).as(file).isEqualTo(readCsv(EXPECTED.resolve(file)));
        }
        JsonNode summary = JSON.readTree(run.published().resolve("summary.json").toFile());
        JsonNode expected = JSON.readTree(EXPECTED.resolve("gb18030-rejects.json").toFile());
        expected.properties().forEach(e -> {
            String file = e.getKey();
            assertThat(summary.get("inputs").get(file).get("encoding").asString()).as(file).startsWith("GB18030 (auto");
            List<List<Object>> want = new ArrayList<>();
            e.getValue().forEach(n -> want.add(List.of(n.get(0).asInt(), n.get(1).asString())));
            List<List<Object>> got = new ArrayList<>();
            Path rejects = run.published().resolve("rejects").resolve(file);
            try {
                for (Map<String, String> r : Files.exists(rejects) ? readCsv(rejects) : List.<Map<String, String>>of()) {
                    got.add(List.of(Integer.parseInt(r.get("line")), r.get("reason")));
                }
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
            assertThat(got).as(file).isEqualTo(want);
        });
    }

    @Test
    void metricsAreValidPrometheusTextWithTheSummarysNumbers() throws IOException {
        Run run = runSample("a");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Double> metrics = new HashMap<>();
        for (String line : Files.readAllLines(run.published().resolve("metrics.prom"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            assertThat(line).as("name{labels} value").matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*\\})? [-+0-9.eE]+|.* (NaN|[+-]Inf)");
            int space = line.lastIndexOf(' ');
            metrics.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        JsonNode summary = JSON.readTree(run.published().resolve("summary.json").toFile());
        summary.get("segments").properties().forEach(e ->
                assertThat(metrics.get("rfm_customers{segment=\"" + e.getKey() + "\"}")).as(e.getKey())
                        .isEqualTo(e.getValue().asDouble()));
        summary.get("lifecycle_stages").properties().forEach(e ->
                assertThat(metrics.get("rfm_customers_by_stage{stage=\"" + e.getKey() + "\"}")).isEqualTo(e.getValue().asDouble()));
        assertThat(metrics.get("rfm_churn_risk_customers")).isEqualTo(summary.get("customers").get("churn_risk").asDouble());
        assertThat(metrics.get("rfm_revisit_tasks{state=\"scheduled\"}")).isEqualTo(summary.get("revisit").get("tasks").asDouble());
        summary.get("inputs").properties().forEach(e -> {
            assertThat(metrics.get("rfm_input_rows{file=\"" + e.getKey() + "\",outcome=\"read\"}"))
                    .isEqualTo(e.getValue().get("rows_read").asDouble());
            assertThat(metrics.get("rfm_input_rows{file=\"" + e.getKey() + "\",outcome=\"rejected\"}"))
                    .isEqualTo(e.getValue().get("rows_rejected").asDouble());
        });
        assertThat(metrics.get("rfm_step_items{kind=\"skipped\",step=\"readOrders\"}"))
                .isEqualTo(summary.get("inputs").get("orders.csv").get("bad_rows").asDouble());
        assertThat(metrics.keySet()).anyMatch(k -> k.startsWith("spring_batch_step_seconds_count{") && k.contains("readOrders"));
        assertThat(metrics.get("rfm_last_success_timestamp_seconds")).isPositive();
    }

    @Test
    void onlyTheNewestOutputFoldersAreKeptAndMetricsGoToTheTextfileCollector() throws IOException {
        Path out = tmp.resolve("out");
        for (String old : List.of("2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21")) {
            Files.createDirectories(out.resolve(old));
        }
        Files.createDirectories(out.resolve("notes"));
        Path textfiles = tmp.resolve("node_exporter");
        Path job = tmp.resolve("job.yml");
        Files.writeString(job, "extends: " + SAMPLE_JOB.toAbsolutePath() + "\noperations:\n  keep-runs: 3\n  textfile-dir: "
                + textfiles + "\n");
        Run run = run(SAMPLE, out, tmp.resolve("db"), "--job", job.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Stream<Path> kept = Files.list(out)) {
            assertThat(kept.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList())
                    .containsExactly("2026-11-20", "2026-11-21", "2026-11-22", "notes");
        }
        assertThat(Files.readString(textfiles.resolve("rfm_nightly.prom")))
                .isEqualTo(Files.readString(run.published().resolve("metrics.prom")));
        try (Stream<Path> files = Files.list(textfiles)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("rfm_nightly.prom");
        }
    }

    @Test
    void anOutputFolderThatWouldSwallowTheInputIsRefused() throws IOException {
        Path exports = tmp.resolve("exports");
        Path day = Files.createDirectories(exports.resolve(AS_OF));
        Files.copy(SAMPLE.resolve("orders.csv"), day.resolve("orders.csv"));
        Files.writeString(day.resolve("other-export.xlsx"), "keep me");
        Run run = run(day, exports, tmp.resolve("db"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is inside").contains("choose another --output");
        assertThat(day.resolve("orders.csv")).exists();
        assertThat(day.resolve("other-export.xlsx")).hasContent("keep me");
    }

    @Test
    void aCustomerWhoseOnlyCustomersRowIsBadGetsNoTaskLestItHadOptedOut() throws IOException {
        Path input = tmp.resolve("in");
        Files.createDirectories(input);
        StringBuilder orders = new StringBuilder("order_id,customer_id,order_date,amount\n");
        StringBuilder customers = new StringBuilder("customer_id,name,opt_out,created_at\n");
        for (int i = 1; i <= 150; i++) {
            orders.append("O").append(i).append(",C").append(i).append(",2026-11-01,").append(i).append("\n");
            customers.append("C").append(i).append(",客户").append(i).append(",否,2025-01-01\n");
        }
        // C150 opted out, but its created_at is no date: the row is rejected (1 bad row of 151 is within 1%)
        customers.append("C151,钱多多,是,2025-02-30\n");
        orders.append("O151,C151,2026-11-01,99999\n");
        Files.writeString(input.resolve("orders.csv"), orders.toString());
        Files.writeString(input.resolve("customers.csv"), customers.toString());
        Run run = run(input, tmp.resolve("out"), tmp.resolve("db"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(readCsv(run.published().resolve("revisit_tasks.csv"))).extracting(r -> r.get("customer_id"))
                .doesNotContain("C151").isNotEmpty();
        JsonNode summary = JSON.readTree(run.published().resolve("summary.json").toFile());
        assertThat(summary.get("customers").get("profile_rejected").asLong()).isEqualTo(1);
    }
}

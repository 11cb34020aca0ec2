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
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import rfm.RfmApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports as real systems write them, one hand-made case per folder of src/test/resources/corpus/: the
 * input files, an optional job.yml, case.properties (exit code, message, counts, values to find) and an
 * optional expected-rejects.csv. Every case runs the real job through its command line.
 */
class RealExportsFunctionalTests {

    static final Path CORPUS = Path.of("src/test/resources/corpus");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    record Outcome(int exitCode, String err, Path published, JsonNode summary) {
    }

    private Outcome run(String name, Path out) {
        Path dir = CORPUS.resolve(name);
        Path job = Files.exists(dir.resolve("job.yml")) ? dir.resolve("job.yml") : Path.of("jobs/nightly.yml");
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = RfmApplication.run("--input", dir.toString(), "--output", out.toString(), "--as-of", "2026-11-22",
                    "--db", out.resolveSibling(out.getFileName() + "-db").toString(), "--job", job.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        Path published = out.resolve("2026-11-22");
        JsonNode summary = null;
        if (Files.exists(published.resolve("summary.json"))) {
            summary = JSON.readTree(published.resolve("summary.json").toFile());
        }
        return new Outcome(code, err.toString(StandardCharsets.UTF_8), published, summary);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corpusCase(String name) throws IOException {
        Properties expect = new Properties();
        try (Reader r = Files.newBufferedReader(CORPUS.resolve(name).resolve("case.properties"), StandardCharsets.UTF_8)) {
            expect.load(r);
        }
        Outcome outcome = run(name, tmp.resolve("out"));
        int exit = Integer.parseInt(expect.getProperty("exit"));
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(exit);
        if (expect.containsKey("message")) {
            assertThat(outcome.err()).contains(expect.getProperty("message"));
        }
        if (exit != 0) {
            assertThat(outcome.published()).as("a failed run publishes nothing").doesNotExist();
            return;
        }
        JsonNode inputs = outcome.summary().get("inputs");
        inputs.properties().forEach(e -> {
            JsonNode f = e.getValue();
            assertThat(f.get("rows_read").asLong()).as("every row of %s accounted for", e.getKey())
                    .isEqualTo(f.get("rows_used").asLong() + f.get("rows_not_counted_status").asLong()
                            + f.get("rows_after_as_of").asLong() + f.get("rows_rejected").asLong());
        });
        Map<String, Map<String, String>> byCustomer = new HashMap<>();
        for (Map<String, String> row : NightlyJobFunctionalTests.readCsv(outcome.published().resolve("customers_scored.csv"))) {
            byCustomer.put(row.get("customer_id"), row);
        }
        for (String key : expect.stringPropertyNames()) {
            int dot = key.indexOf('.');
            if (dot < 0) {
                continue;
            }
            String what = key.substring(0, dot);
            String subject = key.substring(dot + 1);
            String want = expect.getProperty(key);
            switch (what) {
                case "rows_read", "rows_used", "rows_after_as_of" ->
                        assertThat(inputs.get(subject).get(what).asLong()).as(key).isEqualTo(Long.parseLong(want));
                case "encoding" -> assertThat(inputs.get(subject).get("encoding").asString()).as(key).startsWith(want);
                default -> assertThat(byCustomer.get(subject)).as(key).isNotNull()
                        .extractingByKey(what).isEqualTo(want);
            }
        }
        Path expectedRejects = CORPUS.resolve(name).resolve("expected-rejects.csv");
        List<String> actual = new ArrayList<>();
        Path rejects = outcome.published().resolve("rejects");
        inputs.properties().forEach(e -> {
            String file = e.getKey();
            Path f = rejects.resolve(file.toLowerCase().endsWith(".csv") ? file : file + ".csv");
            if (Files.exists(f)) {
                try {
                    for (Map<String, String> r : NightlyJobFunctionalTests.readCsv(f)) {
                        actual.add(file + "," + r.get("line") + "," + r.get("reason"));
                        assertThat(r.get("message")).isNotBlank();
                    }
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }
        });
        List<String> expected = Files.exists(expectedRejects)
                ? Files.readAllLines(expectedRejects).stream().skip(1).filter(l -> !l.isBlank()).toList() : List.of();
        assertThat(actual).as("rejects").containsExactlyInAnyOrderElementsOf(expected);

        Path dates = CORPUS.resolve(name).resolve("expected-dates.csv");
        if (Files.exists(dates)) {
            for (String line : Files.readAllLines(dates).stream().skip(1).toList()) {
                String[] parts = line.split(",");
                assertThat(byCustomer.get(parts[0]).get("last_order_date")).as(line).isEqualTo(parts[1]);
            }
        }
        if (expect.containsKey("same_as")) {
            Outcome other = run(expect.getProperty("same_as"), tmp.resolve("other"));
            assertThat(other.exitCode()).isZero();
            assertThat(Files.readString(outcome.published().resolve("customers_scored.csv")))
                    .isEqualTo(Files.readString(other.published().resolve("customers_scored.csv")));
        }
    }
}

package rfm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rfm.config.JobFile;
import rfm.config.JobFileLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * report.html of the sample shop, through the real command line: every figure it shows is checked against
 * summary.json (written by separate code from the same run), customers_scored.csv and the job file. Two nights,
 * 2026-11-21 and 2026-11-22, so that the headline figures have a previous night to change from.
 */
class ReportFunctionalTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SAMPLE_JOB = "sample-data/sample-shop.yml";

    @TempDir
    Path tmp;

    private Path out;
    private Path db;

    @BeforeEach
    void paths() {
        out = tmp.resolve("out");
        db = tmp.resolve("db");
    }

    private Path night(String input, String job, String asOf) {
        CommandRun run = CommandRun.of("--input", input, "--output", out.toString(), "--db", db.toString(),
                "--job", job, "--as-of", asOf);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out.resolve(asOf);
    }

    static Document report(Path folder) throws IOException {
        return Jsoup.parse(folder.resolve("report.html").toFile(), "UTF-8");
    }

    static JsonNode summary(Path folder) {
        return JSON.readTree(folder.resolve("summary.json").toFile());
    }

    static JsonNode chartData(Document page) {
        return JSON.readTree(page.getElementById("report-data").data());
    }

    private static String digits(String shown) {
        return shown.replace(",", "");
    }

    @Test
    void everyFigureOfTheReportIsTheSummarys() throws IOException {
        JsonNode before = summary(night("sample-data", SAMPLE_JOB, "2026-11-21"));
        Path folder = night("sample-data", SAMPLE_JOB, "2026-11-22");
        JsonNode s = summary(folder);
        Document page = report(folder);

        // the headline: tonight's figures as the rest of the summary counts them, last night's as recorded
        JsonNode headline = s.get("headline");
        assertThat(headline.get("previous_run").asString()).isEqualTo("2026-11-21");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("customers", s.at("/customers/total").asString());
        expected.put("buyers", s.at("/customers/buyers").asString());
        expected.put("prospects", s.at("/customers/prospects").asString());
        expected.put("revenue", s.at("/customers/monetary_total").asString());
        expected.put("churn_risk", s.at("/customers/churn_risk").asString());
        expected.put("tasks", s.at("/revisit/tasks").asString());
        long rejects = 0;
        for (JsonNode input : s.get("inputs")) {
            rejects += input.get("rows_rejected").asLong();
        }
        expected.put("rejects", Long.toString(rejects));
        assertThat(page.select(".card[data-figure]").eachAttr("data-figure")).containsExactlyElementsOf(expected.keySet());
        expected.forEach((key, value) -> {
            JsonNode h = headline.get(key);
            assertThat(h.get("value").asString()).as(key).isEqualTo(value);
            assertThat(h.get("previous").asString()).as(key).isEqualTo(before.at("/headline/" + key + "/value").asString());
            BigDecimal change = new BigDecimal(value).subtract(new BigDecimal(h.get("previous").asString()));
            assertThat(new BigDecimal(h.get("change").asString())).as(key).isEqualByComparingTo(change);

            Element card = page.selectFirst(".card[data-figure=" + key + "]");
            assertThat(card.attr("data-value")).as(key).isEqualTo(value);
            assertThat(new BigDecimal(card.attr("data-change"))).as(key).isEqualByComparingTo(change);
            assertThat(digits(card.selectFirst(".value").text())).as(key).isEqualTo(value);
            String sign = change.signum() > 0 ? "+" : change.signum() < 0 ? "\u2212" : "\u00b1";
            assertThat(digits(card.selectFirst(".change").text())).as(key).isEqualTo(sign + change.abs().toPlainString());
        });
        // the sample's second night: revenue grew by 1,688.00, one customer fewer at risk, five more tasks
        assertThat(page.selectFirst(".card[data-figure=revenue] .change").text()).isEqualTo("+1,688.00");
        assertThat(page.selectFirst(".card[data-figure=churn_risk] .change").text()).isEqualTo("\u22121");
        assertThat(page.selectFirst(".card[data-figure=tasks] .change").text()).isEqualTo("+5");
        assertThat(page.getElementById("previous-run").text()).isEqualTo("2026-11-21");

        JsonNode data = chartData(page);
        // customers and revenue per segment
        List<String> codes = strings(data.at("/segments/codes"));
        assertThat(codes).containsExactlyElementsOf(s.get("segments").propertyNames());
        for (int i = 0; i < codes.size(); i++) {
            assertThat(data.at("/segments/customers/" + i).asLong()).isEqualTo(s.at("/segments/" + codes.get(i)).asLong());
            assertThat(data.at("/segments/revenue/" + i).decimalValue())
                    .isEqualByComparingTo(s.at("/monetary_by_segment/" + codes.get(i)).asString());
        }
        // the R x F grid: [F - 1, R - 1, buyers, average monetary]
        Map<String, JsonNode> cells = new LinkedHashMap<>();
        data.get("rfGrid").forEach(c -> cells.put((c.get(1).asInt() + 1) + "/" + (c.get(0).asInt() + 1), c));
        assertThat(cells).hasSize(25);
        long buyersInGrid = 0;
        for (JsonNode cell : s.get("rf_grid")) {
            JsonNode c = cells.get(cell.get("r").asInt() + "/" + cell.get("f").asInt());
            assertThat(c.get(2).asLong()).isEqualTo(cell.get("customers").asLong());
            assertThat(c.get(3).decimalValue()).isEqualByComparingTo(cell.get("average_monetary").asString());
            buyersInGrid += cell.get("customers").asLong();
        }
        assertThat(buyersInGrid).isEqualTo(s.at("/customers/buyers").asLong());
        // lifecycle stages, in the funnel's order
        List<String> stages = strings(data.at("/stages/codes"));
        assertThat(stages).containsExactly("POTENTIAL", "NEW", "ACTIVE", "LOYAL", "DORMANT", "CHURNED");
        for (int i = 0; i < stages.size(); i++) {
            assertThat(data.at("/stages/counts/" + i).asLong()).isEqualTo(s.at("/lifecycle_stages/" + stages.get(i)).asLong());
        }
        // the segment migration: every non-zero cell of summary.json's matrix, and nothing else
        Map<String, Long> shown = new LinkedHashMap<>();
        for (JsonNode c : data.at("/migration/cells")) {
            shown.put(data.at("/migration/from/" + c.get(1).asInt()).asString() + ">"
                    + data.at("/migration/to/" + c.get(0).asInt()).asString(), c.get(2).asLong());
        }
        Map<String, Long> matrix = new LinkedHashMap<>();
        s.at("/migration/segments").properties().forEach(row -> row.getValue().properties()
                .forEach(cell -> matrix.put(row.getKey() + ">" + cell.getKey(), cell.getValue().asLong())));
        assertThat(shown).isEqualTo(matrix);
        assertThat(data.at("/migration/fromRun").asString()).isEqualTo("2026-11-21");
        // tasks per owner and due day
        List<String> owners = strings(data.at("/tasks/owners"));
        List<String> days = strings(data.at("/tasks/days"));
        assertThat(owners).containsExactlyInAnyOrderElementsOf(s.get("revisit_tasks_by_owner_and_due_date").propertyNames());
        long tasks = 0;
        for (int o = 0; o < owners.size(); o++) {
            JsonNode perDay = s.get("revisit_tasks_by_owner_and_due_date").get(owners.get(o));
            long ownerTasks = 0;
            for (int d = 0; d < days.size(); d++) {
                long n = data.at("/tasks/counts/" + o + "/" + d).asLong();
                assertThat(n).as("%s on %s", owners.get(o), days.get(d))
                        .isEqualTo(perDay.has(days.get(d)) ? perDay.get(days.get(d)).asLong() : 0);
                ownerTasks += n;
            }
            assertThat(ownerTasks).isEqualTo(s.at("/revisit/by_owner/" + owners.get(o)).asLong());
            tasks += ownerTasks;
        }
        assertThat(tasks).isEqualTo(s.at("/revisit/tasks").asLong());
        // churn-risk reasons
        List<String> reasons = strings(data.at("/churnReasons/codes"));
        assertThat(reasons).containsExactlyElementsOf(s.get("churn_risk_reasons").propertyNames());
        for (int i = 0; i < reasons.size(); i++) {
            assertThat(data.at("/churnReasons/counts/" + i).asLong()).isEqualTo(s.at("/churn_risk_reasons/" + reasons.get(i)).asLong());
        }

        // the customers at risk: customers_scored.csv's churn-risk rows by monetary, highest first
        List<Map<String, String>> atRisk = new ArrayList<>(NightlyJobFunctionalTests.readCsv(folder.resolve("customers_scored.csv"))
                .stream().filter(r -> r.get("churn_risk").equals("true")).toList());
        atRisk.sort(Comparator.comparing((Map<String, String> r) -> new BigDecimal(r.get("monetary"))).reversed()
                .thenComparing(r -> r.get("customer_id")));
        List<Element> rows = page.select("#at-risk tbody tr");
        assertThat(rows).hasSize(Math.min(50, atRisk.size())).hasSize((int) s.at("/customers/churn_risk").asLong());
        for (int i = 0; i < rows.size(); i++) {
            List<String> td = rows.get(i).select("td").eachText();
            Map<String, String> r = atRisk.get(i);
            assertThat(td.get(0)).isEqualTo(r.get("customer_id"));
            assertThat(td.get(1)).isEqualTo(r.get("name"));
            assertThat(td.get(2)).isEqualTo(r.get("owner"));
            assertThat(td.get(5)).isEqualTo(r.get("rfm_code"));
            assertThat(digits(td.get(6))).isEqualTo(r.get("monetary"));
            assertThat(td.get(7)).isEqualTo(r.get("recency_days"));
            assertThat(td.get(8)).isEqualTo(r.get("last_order_date"));
        }
        assertThat(rows.get(0).select("td").eachText()).startsWith("C008", "成都天府餐饮管理有限公司", "孙丽", "忠诚客户", "忠诚");

        // the segment definitions, as the job file has them, in Chinese
        JobFile job = JobFileLoader.load(Path.of(SAMPLE_JOB));
        List<Element> definitions = page.select("#segments tbody tr");
        assertThat(definitions).hasSize(job.segments().size());
        for (int i = 0; i < definitions.size(); i++) {
            List<String> td = definitions.get(i).select("td").eachText();
            var rule = job.segments().get(i);
            assertThat(td.get(0)).isEqualTo(rule.code());
            assertThat(td.get(1)).isEqualTo(rule.nameZh());
            assertThat(td.get(4)).isEqualTo(s.at("/segments/" + rule.code()).asString());
            assertThat(digits(td.get(5))).isEqualTo(s.at("/monetary_by_segment/" + rule.code()).asString());
            assertThat(td.get(6)).isEqualTo(rule.actionZh());
        }
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(page.selectFirst("h1").text()).isEqualTo("RFM 客户分群报告");

        // the run's details: value tiers, every input's accounting and checksum, rejects by reason, output rows
        List<Element> tiers = page.select("#value-tiers tbody tr");
        assertThat(tiers.stream().map(r -> r.child(0).text()).toList()).containsExactlyElementsOf(s.get("value_tiers").propertyNames());
        tiers.forEach(r -> assertThat(digits(r.child(2).text())).isEqualTo(s.at("/value_tiers/" + r.child(0).text()).asString()));
        List<Element> inputs = page.select("#inputs tbody tr");
        assertThat(inputs.stream().map(r -> r.child(0).text()).toList()).containsExactlyElementsOf(s.get("inputs").propertyNames());
        for (Element r : inputs) {
            JsonNode in = s.get("inputs").get(r.child(0).text());
            assertThat(r.child(1).text()).isEqualTo(in.get("encoding").asString());
            assertThat(r.children().subList(2, 7).stream().map(e -> digits(e.text())).toList()).containsExactly(
                    in.get("rows_read").asString(), in.get("rows_used").asString(), in.get("rows_not_counted_status").asString(),
                    in.get("rows_after_as_of").asString(), in.get("rows_rejected").asString());
            assertThat(r.child(7).attr("title")).isEqualTo(in.get("sha256").asString());
            assertThat(in.get("sha256").asString()).startsWith(r.child(7).text());
        }
        List<String> reasonRows = page.select("#rejects tbody tr").eachText();
        List<String> expectedReasons = new ArrayList<>();
        s.get("inputs").properties().forEach(in -> in.getValue().get("rejects_by_reason").properties()
                .forEach(r -> expectedReasons.add(in.getKey() + " " + r.getKey() + " " + r.getValue().asString())));
        assertThat(reasonRows).isNotEmpty().containsExactlyElementsOf(expectedReasons);
        for (Element r : page.select("#outputs tbody tr")) {
            JsonNode o = s.at("/outputs/" + r.child(0).text().replace("/", "~1"));
            assertThat(o.isMissingNode()).as(r.child(0).text()).isFalse();
            assertThat(digits(r.child(1).text())).as(r.child(0).text()).isEqualTo(o.get("rows").asString());
        }
        assertThat(page.select("#outputs tbody tr td:eq(0)").eachText()).contains("customers_scored.csv", "segments/CHAMPIONS.csv",
                "revisit_tasks.csv", "crm_delta.csv", "rejects/orders.csv");

        // listed among the outputs, with its checksum
        assertThat(s.at("/outputs/report.html/sha256").asString())
                .isEqualTo(DigestUtils.sha256Hex(Files.readAllBytes(folder.resolve("report.html"))));
    }

    @Test
    void aFirstNightHasNoChangesToShow() throws IOException {
        Path folder = night("sample-data", SAMPLE_JOB, "2026-11-22");
        Document page = report(folder);
        JsonNode headline = summary(folder).get("headline");
        assertThat(headline.get("previous_run").isNull()).isTrue();
        assertThat(headline.at("/customers/previous").isNull()).isTrue();
        assertThat(headline.at("/customers/change").isNull()).isTrue();
        assertThat(page.select(".card .change").eachText()).hasSize(7).containsOnly("无上次数据");
        assertThat(page.select(".card[data-figure]")).hasSize(7);
        assertThat(page.select(".card[data-change]")).isEmpty();
        assertThat(page.getElementById("previous-run")).isNull();
        assertThat(page.text()).contains("首次记录的运行").contains("首次运行：所有客户均为新增。");
        // everyone comes from "(new)"
        assertThat(strings(chartData(page).at("/migration/from"))).containsExactly("(new)");
    }

    @Test
    void theJobFilePicksEnglishAndTheLengthOfTheAtRiskTable() throws IOException {
        Path job = tmp.resolve("english.yml");
        Files.writeString(job, "extends: " + Path.of(SAMPLE_JOB).toAbsolutePath() + "\n"
                + "report:\n  language: EN\n  top-at-risk: 2\n", StandardCharsets.UTF_8);
        Path folder = night("sample-data", job.toString(), "2026-11-22");
        Document page = report(folder);
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("h1").text()).isEqualTo("RFM segmentation report");
        assertThat(page.selectFirst(".card[data-figure=churn_risk] .label").text()).isEqualTo("At churn risk");
        assertThat(page.select("#at-risk tbody tr")).hasSize(2);
        assertThat(page.select("#at-risk tbody tr td:eq(0)").eachText()).containsExactly("C008", "C010");
        assertThat(page.select("h2").eachText()).contains("Customers at churn risk worth most (top 2 by monetary)");
        JsonNode data = chartData(page);
        assertThat(data.at("/segments/names/0").asString()).isEqualTo("Champions");
        assertThat(strings(data.at("/stages/names"))).containsExactly("Potential", "New", "Active", "Loyal", "Dormant", "Churned");
        assertThat(page.select("#segments tbody tr:eq(0) td").eachText())
                .startsWith("CHAMPIONS", "Champions", "5", ">= 4")
                .endsWith("Reward them; early access to new products; invite to loyalty or referral programme");
    }

    @Test
    void aLanguageTheReportDoesNotHaveIsRefused() throws IOException {
        Path job = tmp.resolve("french.yml");
        Files.writeString(job, "extends: " + Path.of(SAMPLE_JOB).toAbsolutePath() + "\nreport:\n  language: fr\n",
                StandardCharsets.UTF_8);
        CommandRun run = CommandRun.of("--input", "sample-data", "--output", out.toString(), "--db", db.toString(),
                "--job", job.toString(), "--as-of", "2026-11-22");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("french.yml").contains("language: 'fr' must be zh or en");
        assertThat(out.resolve("2026-11-22")).doesNotExist();
    }

    /** A customer's name and owner that try to end the page's elements and scripts show as text and stay data. */
    @Test
    void customerTextCannotBecomeMarkupOrScript() throws IOException {
        Path input = tmp.resolve("hostile");
        Files.createDirectories(input);
        for (String f : List.of("orders.csv", "interactions.csv")) {
            Files.copy(Path.of("sample-data", f), input.resolve(f));
        }
        String name = "<script>window.pwned = 1</script>成都 & Co";
        String owner = "</script><img src=x onerror=alert(1)>孙丽";
        String customers = Files.readString(Path.of("sample-data/customers.csv"), StandardCharsets.UTF_8)
                .replace("C008,成都天府餐饮管理有限公司,", "C008,\"" + name + "\",")
                .replace(",西南,孙丽,", ",西南,\"" + owner + "\",");
        Files.writeString(input.resolve("customers.csv"), customers, StandardCharsets.UTF_8);
        Path folder = night(input.toString(), SAMPLE_JOB, "2026-11-22");

        String html = Files.readString(folder.resolve("report.html"), StandardCharsets.UTF_8);
        // the markup up to the chart data, then the chart data (the two scripts after it come from the jar)
        String markup = html.substring(0, html.indexOf("<script type=\"application/json\""));
        Document page = report(folder);
        String json = page.getElementById("report-data").data();
        assertThat(markup.contains("<script>window") || markup.contains("<img")).as("raw customer text in the markup").isFalse();
        assertThat(markup).contains("&lt;script&gt;window.pwned = 1&lt;/script&gt;成都 &amp; Co");
        assertThat(json.contains("<") || json.contains(">") || json.contains("&")).as("< > & in the chart data").isFalse();
        assertThat(json).contains("\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e孙丽");
        assertThat(page.select("script")).hasSize(3);
        assertThat(page.select("img")).isEmpty();
        List<String> first = page.select("#at-risk tbody tr:eq(0) td").eachText();
        assertThat(first.get(0)).isEqualTo("C008");
        assertThat(first.get(1)).isEqualTo(name);
        assertThat(first.get(2)).isEqualTo(owner);
        // the owner reaches the tasks chart as data, unchanged
        assertThat(strings(chartData(page).at("/tasks/owners"))).contains(owner);
    }

    static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }
}

package rfm.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * report.html in a real browser, headless Chromium with the network off: the page loads from its file alone, logs
 * no error, draws every chart, runs no script that came with customer text, and is saved as a screenshot
 * ({@code target/report-screenshot.png}).
 * <p>
 * Needs Debian's {@code chromium} ({@code .ci/run} installs it); without it the test is skipped, except under
 * {@code CI=true}, where it fails.
 */
class ReportBrowserTests {

    static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");

    /** What the page shows once loaded: per chart, its SVG and how many shapes in it have an area. */
    static final String INSPECT = """
            (() => {
              const charts = [...document.querySelectorAll('[data-chart]')].map(el => {
                const svg = el.querySelector('svg');
                const shapes = svg ? [...svg.querySelectorAll('path, rect, polygon')] : [];
                const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
                return { chart: el.dataset.chart, svg: !!svg, width: box.width, height: box.height,
                         painted: shapes.filter(s => { const b = s.getBBox(); return b.width > 0 && b.height > 0; }).length,
                         text: svg ? svg.textContent : '' };
              });
              return { drawn: document.documentElement.getAttribute('data-charts-drawn'), charts,
                       pwned: typeof window.pwned, height: document.documentElement.scrollHeight,
                       firstAtRisk: document.querySelector('#at-risk tbody td:nth-child(2)').textContent };
            })()""";

    @TempDir
    Path tmp;

    @Test
    void theReportDrawsEveryChartOfflineWithoutAnError() throws Exception {
        Path chromium = HeadlessChromium.find();
        if (chromium == null && "true".equals(System.getenv("CI"))) {
            fail("Chromium is not installed (/usr/bin/chromium or $CHROMIUM); .ci/run installs Debian's chromium package");
        }
        assumeTrue(chromium != null, "Chromium is not installed; apt-get install chromium to run this test");

        // the sample shop over two nights, one of its customers named like a script
        Path input = tmp.resolve("input");
        Files.createDirectories(input);
        Files.copy(Path.of("sample-data/orders.csv"), input.resolve("orders.csv"));
        Files.copy(Path.of("sample-data/interactions.csv"), input.resolve("interactions.csv"));
        String name = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">";
        Files.writeString(input.resolve("customers.csv"), Files.readString(Path.of("sample-data/customers.csv"), StandardCharsets.UTF_8)
                .replace("C008,成都天府餐饮管理有限公司,", "C008,\"" + name.replace("\"", "\"\"") + "\","), StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        for (String asOf : List.of("2026-11-21", "2026-11-22")) {
            CommandRun run = CommandRun.of("--input", input.toString(), "--output", out.toString(), "--db",
                    tmp.resolve("db").toString(), "--job", "sample-data/sample-shop.yml", "--as-of", asOf);
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        Path report = out.resolve("2026-11-22").resolve("report.html");

        try (HeadlessChromium browser = new HeadlessChromium(chromium, tmp.resolve("profile"))) {
            for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
                browser.send(domain + ".enable", Map.of());
            }
            browser.send("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            browser.send("Emulation.setDeviceMetricsOverride", Map.of("width", 1400, "height", 1000,
                    "deviceScaleFactor", 1, "mobile", false));
            browser.send("Page.navigate", Map.of("url", report.toUri().toString()));
            browser.await(e -> e.get("method").asString().equals("Page.loadEventFired"));
            JsonNode page = browser.evaluate(INSPECT);

            assertThat(problems(browser)).isEmpty();
            assertThat(page.get("drawn").asString()).isEqualTo("6");
            assertThat(page.get("pwned").asString()).as("a script from customer text ran").isEqualTo("undefined");
            assertThat(page.get("firstAtRisk").asString()).isEqualTo(name);
            List<String> charts = new ArrayList<>();
            for (JsonNode chart : page.get("charts")) {
                String id = chart.get("chart").asString();
                charts.add(id);
                assertThat(chart.get("svg").asBoolean()).as("%s has an SVG", id).isTrue();
                assertThat(chart.get("width").asDouble()).as("%s width", id).isGreaterThan(300);
                assertThat(chart.get("height").asDouble()).as("%s height", id).isGreaterThan(300);
                assertThat(chart.get("painted").asInt()).as("%s shapes with an area", id).isGreaterThanOrEqualTo(3);
            }
            assertThat(charts).containsExactly("segments", "rfGrid", "stages", "migration", "tasks", "churnReasons");
            // each chart drew its own labels, not an empty frame
            assertThat(text(page, "segments")).contains("重要价值客户", "潜在客户");
            assertThat(text(page, "stages")).contains("潜在", "忠诚", "流失");
            assertThat(text(page, "migration")).contains("上次分群", "本次分群");
            assertThat(text(page, "tasks")).contains("李娜", "未分配");
            assertThat(text(page, "churnReasons")).contains("超期未购", "购买减少", "满意度低");

            // the whole page, for people to look at
            browser.send("Emulation.setDeviceMetricsOverride", Map.of("width", 1400, "height", page.get("height").asInt(),
                    "deviceScaleFactor", 1, "mobile", false));
            JsonNode shot = browser.send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, Base64.getDecoder().decode(shot.get("data").asString()));
            assertThat(Files.size(SCREENSHOT)).isGreaterThan(50_000);
            assertThat(problems(browser)).isEmpty();
        }
    }

    private static String text(JsonNode page, String chart) {
        for (JsonNode c : page.get("charts")) {
            if (c.get("chart").asString().equals(chart)) {
                return c.get("text").asString();
            }
        }
        throw new AssertionError("no chart " + chart);
    }

    /** Console errors, uncaught exceptions, dialogs and any request that is not for the file itself. */
    private static List<String> problems(HeadlessChromium browser) {
        List<String> found = new ArrayList<>();
        for (JsonNode call : browser.events("Runtime.consoleAPICalled")) {
            String type = call.get("type").asString();
            if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
                found.add("console." + type + ": " + call.get("args"));
            }
        }
        browser.events("Runtime.exceptionThrown").forEach(e -> found.add("exception: " + e.get("exceptionDetails")));
        for (JsonNode entry : browser.events("Log.entryAdded")) {
            if (!entry.at("/entry/level").asString().equals("verbose") && !entry.at("/entry/level").asString().equals("info")) {
                found.add("log: " + entry.get("entry"));
            }
        }
        browser.events("Page.javascriptDialogOpening").forEach(e -> found.add("dialog: " + e));
        for (JsonNode request : browser.events("Network.requestWillBeSent")) {
            String url = request.at("/request/url").asString();
            if (!url.startsWith("file:") && !url.startsWith("data:")) {
                found.add("network request: " + url);
            }
        }
        return found;
    }
}

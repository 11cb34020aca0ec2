package rfm.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import rfm.classify.ScoredCustomer;
import rfm.classify.SegmentRule;
import rfm.config.ReportSettings;
import rfm.history.HistoryComparison;
import rfm.ingest.FileCounts;
import rfm.report.ReportFigures;
import tools.jackson.databind.json.JsonMapper;

/**
 * report.html: one self-contained page per run. The page is rendered by Thymeleaf from {@code report/report.html},
 * which escapes every value it prints; the charts are drawn in the browser by Apache ECharts, inlined into the page
 * (the build takes it from the npm registry), from the chart data in a JSON script element. Nothing is loaded from
 * the network.
 * <p>
 * Customer-supplied text (names, owners) reaches the page two ways, both escaped: as text of HTML elements
 * (Thymeleaf's {@code th:text}) and inside the JSON, where {@code <}, {@code >} and {@code &} are written as
 * {@code \}{@code u003c} and so on, so no value can close the script element.
 */
public final class HtmlReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TemplateEngine ENGINE = engine();
    private static final String ECHARTS = resource("report/echarts.min.js");
    private static final String SCRIPT = resource("report/report.js");

    private final ReportSettings settings;
    private final String currency;
    private final Integer monetaryDays;
    private final ResourceBundle text;

    /**
     * @param currency the job's currency code, shown with revenue
     * @param monetaryDays the monetary window in days, or null for all orders
     */
    public HtmlReport(ReportSettings settings, String currency, Integer monetaryDays) {
        this.settings = settings;
        this.currency = currency;
        this.monetaryDays = monetaryDays;
        this.text = ResourceBundle.getBundle("report.messages", Locale.forLanguageTag(settings.language()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * @param inputs what became of every input file's rows, as summary.json lists them
     * @param outputRows the rows of each output file written so far (summary.json adds checksums)
     */
    public void write(Path file, ReportFigures figures, String jobFile, List<FileCounts> inputs, Map<String, Long> outputRows) {
        Map<String, String> t = labels();
        Context context = context(t);
        context.setVariable("asOf", figures.asOf().toString());
        context.setVariable("previousRun", figures.previousRun() == null ? null : figures.previousRun().toString());
        Path jobName = Path.of(jobFile).getFileName();
        context.setVariable("jobFile", jobName == null ? jobFile : jobName.toString());
        context.setVariable("jobPath", jobFile);
        context.setVariable("currency", currency);
        context.setVariable("revenueWindow", monetaryDays == null ? t.get("window_all")
                : t.get("window_days").replace("{0}", monetaryDays.toString()));
        context.setVariable("headline", headline(figures));
        context.setVariable("segments", segmentTable(figures));
        context.setVariable("atRisk", atRisk(figures));
        context.setVariable("atRiskTitle", t.get("section.at_risk").replace("{0}", settings.topAtRisk().toString()));
        context.setVariable("tiers", figures.valueTiers().stream().map(v -> Map.of("code", v.tier().code(),
                "name", settings.chinese() ? v.tier().nameZh() : v.tier().nameEn(),
                "customers", count(v.customers()))).toList());
        context.setVariable("inputs", inputRows(inputs));
        context.setVariable("rejects", rejectRows(inputs));
        context.setVariable("outputs", new TreeMap<>(outputRows).entrySet().stream()
                .map(e -> Map.of("file", e.getKey(), "rows", count(e.getValue()))).toList());
        context.setVariable("data", scriptJson(chartData(figures, t)));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ENGINE.process("report", context, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Readies the report's machinery ahead of need, on a daemon thread of its own: the inlined scripts read, the
     * template engine set up, the template parsed into its cache and rendered once, empty, to nowhere. Cold, that is
     * about 0.15 s of the summary step whatever the shop's size; a run starts it while scoring, when one core is
     * mostly idle. Whatever fails here is left for the real report to meet and report.
     */
    public static void prepareAhead(ReportSettings settings) {
        Thread ahead = new Thread(() -> {
            try {
                new HtmlReport(settings, "", null).renderEmpty(Writer.nullWriter());
            } catch (RuntimeException | LinkageError e) {
                // the real report meets it again
            }
        }, "report-ahead");
        ahead.setDaemon(true);
        ahead.start();
    }

    /** The report with every figure and list empty (see {@link #prepareAhead}). */
    void renderEmpty(Writer out) {
        Context context = context(labels());
        for (String text : List.of("asOf", "jobFile", "jobPath", "currency", "revenueWindow", "atRiskTitle")) {
            context.setVariable(text, "");
        }
        for (String list : List.of("headline", "segments", "atRisk", "tiers", "inputs", "rejects", "outputs")) {
            context.setVariable(list, List.of());
        }
        context.setVariable("data", scriptJson(Map.of()));
        ENGINE.process("report", context, out);
    }

    /** What every rendering of the page has: its language, its labels and the inlined scripts. */
    private Context context(Map<String, String> t) {
        Context context = new Context(Locale.forLanguageTag(settings.language()));
        context.setVariable("lang", settings.chinese() ? "zh-CN" : "en");
        context.setVariable("t", t);
        context.setVariable("echarts", ECHARTS);
        context.setVariable("script", SCRIPT);
        return context;
    }

    private Map<String, String> labels() {
        Map<String, String> t = new LinkedHashMap<>();
        for (String key : text.keySet().stream().sorted().toList()) {
            t.put(key, text.getString(key));
        }
        return t;
    }

    private String name(SegmentRule rule) {
        return settings.chinese() ? rule.nameZh() : rule.nameEn();
    }

    private List<Map<String, Object>> headline(ReportFigures figures) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportFigures.Headline h : figures.headline()) {
            boolean money = h.key().equals("revenue");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", h.key());
            row.put("label", text.getString("headline." + h.key()));
            row.put("value", h.value().toPlainString());
            row.put("shown", money ? money(h.value()) : count(h.value()));
            BigDecimal change = h.change();
            row.put("change", change == null ? "" : change.toPlainString());
            row.put("changeShown", change == null ? text.getString("no_previous")
                    : (change.signum() > 0 ? "+" : change.signum() < 0 ? "\u2212" : "\u00b1")
                    + (money ? money(change.abs()) : count(change.abs())));
            row.put("direction", change == null ? "none" : change.signum() > 0 ? "up" : change.signum() < 0 ? "down" : "same");
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> inputRows(List<FileCounts> inputs) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FileCounts f : inputs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", f.file());
            row.put("encoding", f.encoding());
            row.put("read", count(f.rowsRead()));
            row.put("used", count(f.rowsUsed()));
            row.put("status", count(f.rowsNotCountedStatus()));
            row.put("afterAsOf", count(f.rowsAfterAsOf()));
            row.put("rejected", count(f.rejectedRows()));
            row.put("sha256", f.sha256() == null ? "" : f.sha256());
            row.put("sha256Short", f.sha256() == null ? "" : f.sha256().substring(0, Math.min(12, f.sha256().length())));
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> rejectRows(List<FileCounts> inputs) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FileCounts f : inputs) {
            f.rejectsByReason().forEach((reason, n) -> rows.add(Map.of("file", f.file(), "reason", reason, "rows", count(n))));
        }
        return rows;
    }

    private List<Map<String, Object>> segmentTable(ReportFigures figures) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportFigures.SegmentRow s : figures.segments()) {
            SegmentRule rule = s.rule();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", rule.code());
            row.put("name", name(rule));
            row.put("r", rule.r() == null ? "\u2013" : rule.r().toString());
            row.put("fm", rule.fm() == null ? "\u2013" : rule.fm().toString());
            row.put("customers", count(s.customers()));
            row.put("revenue", money(s.revenue()));
            row.put("action", settings.chinese() ? rule.actionZh() : rule.actionEn());
            rows.add(row);
        }
        return rows;
    }

    private List<Map<String, Object>> atRisk(ReportFigures figures) {
        Map<String, String> names = figures.segments().stream()
                .collect(Collectors.toMap(s -> s.rule().code(), s -> name(s.rule())));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ScoredCustomer c : figures.topAtRisk()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.customerId());
            row.put("name", c.profile().name());
            row.put("owner", c.profile().owner());
            row.put("segment", names.get(c.segment().code()));
            row.put("stage", text.getString("stage." + c.stage().name()));
            row.put("rfm", c.scores() == null ? "" : c.scores().code());
            row.put("monetary", money(c.measures().monetary()));
            row.put("recency", c.measures().recencyDays() == null ? "" : c.measures().recencyDays().toString());
            row.put("lastOrder", c.measures().lastOrderDate() == null ? "" : c.measures().lastOrderDate().toString());
            row.put("reasons", c.churnReasons().stream().sorted().map(r -> text.getString("reason." + r.name()))
                    .collect(Collectors.joining(settings.chinese() ? "、" : ", ")));
            rows.add(row);
        }
        return rows;
    }

    /** What report.js draws: every series as plain numbers and display names, in the order shown. */
    private Map<String, Object> chartData(ReportFigures figures, Map<String, String> t) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", t);
        data.put("currency", currency);

        Map<String, Object> segments = new LinkedHashMap<>();
        segments.put("codes", figures.segments().stream().map(s -> s.rule().code()).toList());
        segments.put("names", figures.segments().stream().map(s -> name(s.rule())).toList());
        segments.put("customers", figures.segments().stream().map(ReportFigures.SegmentRow::customers).toList());
        segments.put("revenue", figures.segments().stream().map(ReportFigures.SegmentRow::revenue).toList());
        data.put("segments", segments);

        List<List<Object>> grid = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                grid.add(List.of(f - 1, r - 1, figures.grid().customers(r, f), figures.grid().averageMonetary(r, f)));
            }
        }
        data.put("rfGrid", grid);

        data.put("stages", namedCounts(figures.stages(), "stage.", t));

        Map<String, String> segmentNames = new LinkedHashMap<>();
        segmentNames.put(HistoryComparison.NEW, t.get("migration.new"));
        figures.segments().forEach(s -> segmentNames.put(s.rule().code(), name(s.rule())));
        segmentNames.put(HistoryComparison.GONE, t.get("migration.gone"));
        List<String> from = new ArrayList<>(figures.segmentMigration().keySet());
        List<String> to = figures.segmentMigration().values().stream().flatMap(m -> m.keySet().stream()).distinct()
                .sorted(Comparator.comparingInt(List.copyOf(segmentNames.keySet())::indexOf)).toList();
        List<List<Object>> cells = new ArrayList<>();
        figures.segmentMigration().forEach((f, row) -> row.forEach((c, n) -> cells.add(List.of(to.indexOf(c), from.indexOf(f), n))));
        Map<String, Object> migration = new LinkedHashMap<>();
        migration.put("fromRun", figures.previousRun() == null ? null : figures.previousRun().toString());
        migration.put("from", from);
        migration.put("fromNames", from.stream().map(segmentNames::get).toList());
        migration.put("to", to);
        migration.put("toNames", to.stream().map(segmentNames::get).toList());
        migration.put("cells", cells);
        data.put("migration", migration);

        List<LocalDate> days = figures.dueDays();
        Map<String, Object> tasks = new LinkedHashMap<>();
        tasks.put("days", days.stream().map(LocalDate::toString).toList());
        tasks.put("owners", List.copyOf(figures.tasksByOwnerAndDay().keySet()));
        tasks.put("counts", figures.tasksByOwnerAndDay().values().stream()
                .map(perDay -> days.stream().map(d -> perDay.getOrDefault(d, 0L)).toList()).toList());
        data.put("tasks", tasks);

        data.put("churnReasons", namedCounts(figures.churnReasons(), "reason.", t));
        return data;
    }

    /** A chart's codes, their labels (the text under {@code labelPrefix + code}) and their counts, in order. */
    private static Map<String, Object> namedCounts(Map<String, Long> counts, String labelPrefix, Map<String, String> t) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("codes", List.copyOf(counts.keySet()));
        chart.put("names", counts.keySet().stream().map(code -> t.get(labelPrefix + code)).toList());
        chart.put("counts", List.copyOf(counts.values()));
        return chart;
    }

    /**
     * JSON that can stand inside a script element: {@code <}, {@code >} and {@code &} occur in JSON only inside
     * strings, where their escapes mean the same characters.
     */
    static String scriptJson(Object value) {
        return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static String count(long n) {
        return count(BigDecimal.valueOf(n));
    }

    private static String count(BigDecimal n) {
        return format("#,##0", n);
    }

    private static String money(BigDecimal n) {
        return format("#,##0.00", n);
    }

    private static String format(String pattern, BigDecimal n) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(n);
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlReport.class.getClassLoader());
        resolver.setPrefix("report/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** A script the page inlines; one that could end its script element early is refused. */
    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath (the build puts it there)");
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String lower = script.toLowerCase(Locale.ROOT);
            if (lower.contains("</script") || lower.contains("<!--")) {
                throw new IllegalStateException(name + " contains </script or <!--: it cannot be inlined into a script element");
            }
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

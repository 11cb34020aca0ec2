package rfm.publish;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;


import rfm.classify.ChurnReason;
import rfm.classify.InteractionTier;
import rfm.classify.LifecycleStage;
import rfm.classify.ScoredCustomer;
import rfm.classify.SegmentRule;
import rfm.classify.ValueTier;
import rfm.history.HistoryComparison;
import rfm.history.NightFigures;
import rfm.ingest.CustomerProfile;
import rfm.ingest.FileCounts;
import rfm.ingest.RejectReason;
import rfm.report.ReportFigures;
import rfm.revisit.RevisitEffectiveness;
import rfm.revisit.RevisitPlan;
import rfm.revisit.RevisitTask;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * summary.json: counts per segment, stage, tier and churn-risk reason, segments by region and industry,
 * the migration matrices against the previous night and the revisit follow-ups, what became of every input row, output rows and checksums, and (last, the only part that differs between
 * two runs on the same input) timings.
 */
public final class RunSummary {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Map<String, Object> root = new LinkedHashMap<>();

    public RunSummary(LocalDate asOf, String jobFile) {
        root.put("as_of", asOf.toString());
        root.put("job_file", jobFile);
    }

    public RunSummary customers(List<ScoredCustomer> customers, NightFigures night, List<SegmentRule> segments,
                                List<ValueTier> tiers) {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("total", night.customers());
        totals.put("buyers", night.buyers());
        totals.put("prospects", night.prospects());
        totals.put("monetary_total", night.revenue().toPlainString());
        // counted in one pass, into arrays by position rather than into maps by name: a million customers. Their
        // segments and tiers come from these tables (the classifier's), so every code has its position
        List<String> segmentCodes = segments.stream().map(SegmentRule::code).toList();
        List<String> tierCodes = tiers.stream().map(ValueTier::code).toList();
        Map<String, Integer> segmentIndex = indexes(segmentCodes);
        Map<String, Integer> tierIndex = indexes(tierCodes);
        long[] segmentCounts = new long[segments.size()];
        long[] stageCounts = new long[LifecycleStage.values().length];
        long[] tierCounts = new long[tiers.size()];
        long[] interactionCounts = new long[InteractionTier.values().length];
        long[] reasonCounts = new long[ChurnReason.values().length];
        Map<String, long[]> regionCounts = new HashMap<>();
        Map<String, long[]> industryCounts = new HashMap<>();
        long dormant = 0;
        long profileRejected = 0;
        Function<String, long[]> perSegment = k -> new long[segments.size()]; // made once, not twice per customer
        for (ScoredCustomer c : customers) {
            if (c.stage().dormant()) {
                dormant++;
            }
            CustomerProfile profile = c.profile();
            if (profile.rejected()) {
                profileRejected++;
            }
            int s = positionOf(segmentIndex, c.segment().code(), "segment");
            segmentCounts[s]++;
            stageCounts[c.stage().ordinal()]++;
            if (c.valueTier() != null) {
                tierCounts[positionOf(tierIndex, c.valueTier().code(), "value tier")]++;
            }
            interactionCounts[c.interactionTier().ordinal()]++;
            for (ChurnReason r : c.churnReasons()) {
                reasonCounts[r.ordinal()]++;
            }
            regionCounts.computeIfAbsent(profile.region(), perSegment)[s]++;
            industryCounts.computeIfAbsent(profile.industry(), perSegment)[s]++;
        }
        totals.put("dormant", dormant);
        totals.put("churn_risk", night.churnRisk());
        // no revisit task for these: their only customers.csv rows were bad rows, so opt-out is unknown
        totals.put("profile_rejected", profileRejected);
        root.put("customers", totals);

        Map<String, Long> bySegment = counts(segmentCodes, segmentCounts);
        Map<String, Long> byStage = counts(Stream.of(LifecycleStage.values()).map(Enum::name).toList(), stageCounts);
        Map<String, Long> byTier = counts(tierCodes, tierCounts);
        Map<String, Long> byInteraction = counts(Stream.of(InteractionTier.values()).map(Enum::name).toList(), interactionCounts);
        Map<String, Long> byReason = counts(Stream.of(ChurnReason.values()).map(Enum::name).toList(), reasonCounts);
        Map<String, Map<String, Long>> byRegion = bySegment(regionCounts, segmentCodes);
        Map<String, Map<String, Long>> byIndustry = bySegment(industryCounts, segmentCodes);
        root.put("segments", bySegment);
        root.put("lifecycle_stages", byStage);
        root.put("value_tiers", byTier);
        root.put("interaction_tiers", byInteraction);
        root.put("churn_risk_reasons", byReason);
        root.put("segments_by_region", byRegion);
        root.put("segments_by_industry", byIndustry);
        return this;
    }

    private static String label(String value) {
        return value.isEmpty() ? "(none)" : value;
    }

    /** Each key's first position. */
    private static Map<String, Integer> indexes(List<String> keys) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            m.putIfAbsent(keys.get(i), i);
        }
        return m;
    }

    /** Every key with its count, in the keys' order (zero counts too). */
    private static Map<String, Long> counts(List<String> keys, long[] counts) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            m.merge(keys.get(i), counts[i], Long::sum);
        }
        return m;
    }

    private static int positionOf(Map<String, Integer> index, String code, String what) {
        Integer position = index.get(code);
        if (position == null) {
            throw new IllegalArgumentException(what + " " + code + " is not in the table the summary was given");
        }
        return position;
    }

    /** Per label (of a region or industry), its customers per segment code, non-zero counts only, both by name. */
    private static Map<String, Map<String, Long>> bySegment(Map<String, long[]> counts, List<String> segmentCodes) {
        Map<String, Map<String, Long>> m = new TreeMap<>();
        counts.forEach((value, c) -> {
            Map<String, Long> inner = m.computeIfAbsent(label(value), k -> new TreeMap<>());
            for (int i = 0; i < c.length; i++) {
                if (c[i] > 0) {
                    inner.merge(segmentCodes.get(i), c[i], Long::sum);
                }
            }
        });
        return m;
    }

    public RunSummary revisits(RevisitPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tasks", plan.scheduled().size());
        m.put("unscheduled", plan.unscheduled().size());
        m.put("by_reason", count(plan.scheduled(), RevisitTask::reason));
        m.put("by_owner", count(plan.scheduled(), RevisitTask::owner));
        m.put("by_due_date", count(plan.scheduled(), t -> t.dueDate().toString()));
        m.put("unscheduled_by_owner", count(plan.unscheduled(), RevisitTask::owner));
        root.put("revisit", m);
        return this;
    }

    private static Map<String, Long> count(List<RevisitTask> tasks, Function<RevisitTask, String> key) {
        Map<String, Long> counts = new TreeMap<>();
        tasks.forEach(t -> counts.merge(key.apply(t), 1L, Long::sum));
        return counts;
    }

    /**
     * Tonight against the previous recorded night: whether tonight is recorded, the customers that moved between
     * segments and lifecycle stages (the migration matrices), and what came of the revisit tasks so far.
     */
    public RunSummary history(HistoryComparison night, List<SegmentRule> segments, long crmDeltaRows,
                              RevisitEffectiveness effectiveness, int decidedTonight) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("previous_run", night.previousRun() == null ? null : night.previousRun().toString());
        h.put("latest_recorded_run", night.latestRun() == null ? null : night.latestRun().toString());
        h.put("recorded", night.recorded());
        h.put("history_rows_added", night.recorded() ? night.historyRows() : 0);
        h.put("crm_delta_rows", crmDeltaRows);
        root.put("history", h);
        Map<String, Object> migration = new LinkedHashMap<>();
        migration.put("from_run", night.previousRun() == null ? null : night.previousRun().toString());
        migration.put("segments", night.segmentMigration(segments));
        migration.put("lifecycle_stages", night.stageMigration());
        root.put("migration", migration);
        RevisitEffectiveness.Row total = effectiveness.total();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("window_days", effectiveness.windowDays());
        e.put("tasks", total.tasks());
        e.put("decided_this_run", decidedTonight);
        e.put("converted", total.converted());
        e.put("conversion_rate", total.conversionRate().toPlainString());
        e.put("orders_after", total.ordersAfter());
        e.put("revenue_after", total.revenueAfter().setScale(2, RoundingMode.HALF_UP).toPlainString());
        Map<String, Object> byReason = new LinkedHashMap<>();
        for (RevisitEffectiveness.Row r : effectiveness.rows()) {
            if (r.breakdown().equals("reason")) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("tasks", r.tasks());
                m.put("converted", r.converted());
                m.put("conversion_rate", r.conversionRate().toPlainString());
                byReason.put(r.reason(), m);
            }
        }
        e.put("by_reason", byReason);
        root.put("revisit_effectiveness", e);
        return this;
    }

    /**
     * The report's figures that the rest of the summary does not hold: the headline figures with the previous
     * night's and the change, revenue per segment, the R x F grid, and the tasks per owner and due day.
     */
    public RunSummary report(ReportFigures figures) {
        Map<String, Object> headline = new LinkedHashMap<>();
        headline.put("previous_run", figures.previousRun() == null ? null : figures.previousRun().toString());
        for (ReportFigures.Headline h : figures.headline()) {
            Map<String, Object> m = new LinkedHashMap<>();
            // money as text with 2 decimals, as everywhere in this file; counts as numbers
            Function<BigDecimal, Object> shown = h.key().equals("revenue") ? BigDecimal::toPlainString : BigDecimal::longValueExact;
            m.put("value", shown.apply(h.value()));
            m.put("previous", h.previous() == null ? null : shown.apply(h.previous()));
            m.put("change", h.change() == null ? null : shown.apply(h.change()));
            headline.put(h.key(), m);
        }
        root.put("headline", headline);
        Map<String, String> revenue = new LinkedHashMap<>();
        figures.segments().forEach(s -> revenue.put(s.rule().code(), s.revenue().toPlainString()));
        root.put("monetary_by_segment", revenue);
        List<Map<String, Object>> grid = new ArrayList<>();
        for (int r = 5; r >= 1; r--) {
            for (int f = 1; f <= 5; f++) {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("r", r);
                cell.put("f", f);
                cell.put("customers", figures.grid().customers(r, f));
                cell.put("average_monetary", figures.grid().averageMonetary(r, f).toPlainString());
                grid.add(cell);
            }
        }
        root.put("rf_grid", grid);
        Map<String, Map<String, Long>> tasks = new LinkedHashMap<>();
        figures.tasksByOwnerAndDay().forEach((owner, days) -> {
            Map<String, Long> perDay = new LinkedHashMap<>();
            days.forEach((day, n) -> perDay.put(day.toString(), n));
            tasks.put(owner, perDay);
        });
        root.put("revisit_tasks_by_owner_and_due_date", tasks);
        return this;
    }

    public RunSummary inputs(List<FileCounts> files) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (FileCounts f : files) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("input", f.input() == null ? "" : f.input().name().toLowerCase(java.util.Locale.ROOT));
            m.put("present", f.present());
            m.put("encoding", f.encoding());
            m.put("rows_read", f.rowsRead());
            m.put("rows_used", f.rowsUsed());
            m.put("rows_not_counted_status", f.rowsNotCountedStatus());
            m.put("rows_after_as_of", f.rowsAfterAsOf());
            m.put("rows_rejected", f.rejectedRows());
            m.put("duplicate_rows", f.rejected(RejectReason.DUPLICATE_ORDER) + f.rejected(RejectReason.DUPLICATE_CUSTOMER));
            m.put("future_dated_rows", f.rejected(RejectReason.FUTURE_DATE));
            m.put("bad_rows", f.badRows());
            m.put("rejects_by_reason", f.rejectsByReason());
            m.put("sha256", f.sha256());
            inputs.put(f.file(), m);
        }
        root.put("inputs", inputs);
        return this;
    }

    /**
     * Row counts and SHA-256 of every file already in the folder (this summary excluded), the digests from
     * {@code digests}, started on the same folder.
     */
    public RunSummary outputs(Path folder, Map<String, Long> rowsByFile, OutputDigests digests) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (Path path : OutputDigests.files(folder)) {
            String name = OutputDigests.name(folder, path);
            Map<String, Object> m = new LinkedHashMap<>();
            if (rowsByFile.containsKey(name)) {
                m.put("rows", rowsByFile.get(name));
            }
            m.put("sha256", digests.of(path));
            outputs.put(name, m);
        }
        root.put("outputs", outputs);
        return this;
    }

    /** Timings go last: they are the only values that differ between two runs on the same input. */
    public RunSummary run(String startedAt, String finishedAt, long durationMillis, Map<String, Long> stepMillis) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("started_at", startedAt);
        run.put("finished_at", finishedAt);
        run.put("duration_ms", durationMillis);
        run.put("step_duration_ms", stepMillis);
        root.put("run", run);
        return this;
    }

    public void write(Path file) {
        JSON.writeValue(file.toFile(), root);
    }
}

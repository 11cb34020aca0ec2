package rfm.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

import rfm.classify.ChurnReason;
import rfm.classify.LifecycleStage;
import rfm.classify.ScoredCustomer;
import rfm.classify.SegmentRule;
import rfm.classify.ValueTier;
import rfm.history.NightFigures;
import rfm.revisit.RevisitTask;

/**
 * What the run's report shows, worked out in one pass over the scored customers: the headline figures against the
 * previous recorded night's, customers and revenue per segment, the R x F grid, the lifecycle stages, the segment
 * migration, the tasks per owner and due day, the churn-risk reasons and the churn-risk customers worth most.
 *
 * @param previousRun the recorded night compared with, or null on a first run
 * @param previous that night's headline figures, or null when there is none or it was recorded without them
 * @param segments one row per segment of the table, in the table's order
 * @param valueTiers buyers per value tier, in the job file's order
 * @param grid the buyers per recency score and frequency score
 * @param stages customers per lifecycle stage, in {@link #LIFECYCLE_ORDER}
 * @param segmentMigration customers per previous and current segment (see {@code HistoryComparison})
 * @param tasksByOwnerAndDay scheduled tasks per owner (in name order) and due day (in date order)
 * @param churnReasons churn-risk customers per reason (a customer may have several)
 * @param topAtRisk churn-risk customers by monetary, highest first (customer id breaks ties)
 */
public record ReportFigures(LocalDate asOf, LocalDate previousRun, NightFigures now, NightFigures previous,
                           List<SegmentRow> segments, List<TierRow> valueTiers, RfGrid grid, Map<String, Long> stages,
                           Map<String, Map<String, Long>> segmentMigration,
                           Map<String, Map<LocalDate, Long>> tasksByOwnerAndDay, Map<String, Long> churnReasons,
                           List<ScoredCustomer> topAtRisk) {

    /** The stages in the order of a customer's life, the funnel's order. */
    public static final List<LifecycleStage> LIFECYCLE_ORDER = List.of(LifecycleStage.POTENTIAL, LifecycleStage.NEW,
            LifecycleStage.ACTIVE, LifecycleStage.LOYAL, LifecycleStage.DORMANT, LifecycleStage.CHURNED);

    public record SegmentRow(SegmentRule rule, long customers, BigDecimal revenue) {
    }

    public record TierRow(ValueTier tier, long customers) {
    }

    /** Buyers per R score (rows, 1-5) and F score (columns, 1-5), with their monetary summed. */
    public static final class RfGrid {
        private final long[][] customers = new long[5][5];
        private final BigDecimal[][] monetary = new BigDecimal[5][5];

        RfGrid() {
            for (BigDecimal[] row : monetary) {
                Arrays.fill(row, BigDecimal.ZERO);
            }
        }

        void add(int r, int f, BigDecimal amount) {
            customers[r - 1][f - 1]++;
            monetary[r - 1][f - 1] = monetary[r - 1][f - 1].add(amount);
        }

        public long customers(int r, int f) {
            return customers[r - 1][f - 1];
        }

        /** The cell's average monetary to the cent, zero for an empty cell. */
        public BigDecimal averageMonetary(int r, int f) {
            long n = customers(r, f);
            return n == 0 ? BigDecimal.ZERO.setScale(2)
                    : monetary[r - 1][f - 1].divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
        }
    }

    public static ReportFigures of(LocalDate asOf, LocalDate previousRun, NightFigures now, NightFigures previous,
                                   List<ScoredCustomer> customers, List<SegmentRule> segmentTable, List<ValueTier> tiers,
                                   Map<String, Map<String, Long>> segmentMigration, List<RevisitTask> scheduled,
                                   int topAtRisk) {
        Map<String, Integer> segmentIndex = new LinkedHashMap<>();
        segmentTable.forEach(s -> segmentIndex.put(s.code(), segmentIndex.size()));
        long[] segmentCustomers = new long[segmentTable.size()];
        BigDecimal[] segmentRevenue = new BigDecimal[segmentTable.size()];
        Arrays.fill(segmentRevenue, BigDecimal.ZERO);
        Map<String, Integer> tierIndex = new LinkedHashMap<>();
        tiers.forEach(t -> tierIndex.put(t.code(), tierIndex.size()));
        long[] tierCounts = new long[tiers.size()];
        long[] stageCounts = new long[LifecycleStage.values().length];
        long[] reasonCounts = new long[ChurnReason.values().length];
        RfGrid grid = new RfGrid();
        Comparator<ScoredCustomer> worth = Comparator.comparing((ScoredCustomer c) -> c.measures().monetary())
                .reversed().thenComparing(ScoredCustomer::customerId);
        // the N worth most so far, the least of them on top
        PriorityQueue<ScoredCustomer> atRisk = new PriorityQueue<>(worth.reversed());
        for (ScoredCustomer c : customers) {
            int s = segmentIndex.get(c.segment().code());
            segmentCustomers[s]++;
            segmentRevenue[s] = segmentRevenue[s].add(c.measures().monetary());
            stageCounts[c.stage().ordinal()]++;
            if (c.valueTier() != null) {
                tierCounts[tierIndex.get(c.valueTier().code())]++;
            }
            if (c.scores() != null) {
                grid.add(c.scores().r(), c.scores().f(), c.measures().monetary());
            }
            if (c.churnRisk()) {
                for (ChurnReason r : c.churnReasons()) { // not forEach: a lambda capturing the array, made per customer
                    reasonCounts[r.ordinal()]++;
                }
                if (topAtRisk > 0) {
                    atRisk.add(c);
                    if (atRisk.size() > topAtRisk) {
                        atRisk.poll();
                    }
                }
            }
        }
        List<SegmentRow> segments = new ArrayList<>();
        for (SegmentRule rule : segmentTable) {
            int s = segmentIndex.get(rule.code());
            segments.add(new SegmentRow(rule, segmentCustomers[s], segmentRevenue[s].setScale(2, RoundingMode.HALF_UP)));
        }
        List<TierRow> tierRows = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            tierRows.add(new TierRow(tiers.get(t), tierCounts[t]));
        }
        Map<String, Long> stages = new LinkedHashMap<>();
        for (LifecycleStage stage : LIFECYCLE_ORDER) {
            stages.put(stage.name(), stageCounts[stage.ordinal()]);
        }
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (ChurnReason reason : ChurnReason.values()) {
            reasons.put(reason.name(), reasonCounts[reason.ordinal()]);
        }
        Map<String, Map<LocalDate, Long>> tasks = new TreeMap<>();
        for (RevisitTask t : scheduled) {
            tasks.computeIfAbsent(t.owner(), o -> new TreeMap<>()).merge(t.dueDate(), 1L, Long::sum);
        }
        List<ScoredCustomer> top = new ArrayList<>(atRisk);
        top.sort(worth);
        return new ReportFigures(asOf, previousRun, now, previous, List.copyOf(segments), List.copyOf(tierRows), grid, stages,
                segmentMigration, tasks, reasons, List.copyOf(top));
    }

    /** One headline figure: tonight's value, the previous night's (null when unknown) and the change. */
    public record Headline(String key, BigDecimal value, BigDecimal previous) {

        public BigDecimal change() {
            return previous == null ? null : value.subtract(previous);
        }
    }

    /** The headline figures in the order the report shows them; keys as in summary.json. */
    public List<Headline> headline() {
        List<Headline> list = new ArrayList<>();
        list.add(headline("customers", NightFigures::customers));
        list.add(headline("buyers", NightFigures::buyers));
        list.add(headline("prospects", NightFigures::prospects));
        list.add(new Headline("revenue", now.revenue(), previous == null ? null : previous.revenue()));
        list.add(headline("churn_risk", NightFigures::churnRisk));
        list.add(headline("tasks", NightFigures::tasks));
        list.add(headline("rejects", NightFigures::rejects));
        return list;
    }

    private Headline headline(String key, ToLongFunction<NightFigures> figure) {
        return new Headline(key, BigDecimal.valueOf(figure.applyAsLong(now)),
                previous == null ? null : BigDecimal.valueOf(figure.applyAsLong(previous)));
    }

    /** Every due day that has a task, in date order. */
    public List<LocalDate> dueDays() {
        return tasksByOwnerAndDay.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
    }
}

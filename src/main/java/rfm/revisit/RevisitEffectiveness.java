package rfm.revisit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether revisits worked (回访效果评估): every task whose follow-up window has passed, tallied by reason, channel
 * and owner, with the totals per reason, per channel, per owner and overall.
 */
public final class RevisitEffectiveness {

    /** The label of a breakdown's other columns in total rows. */
    public static final String ALL = "(all)";

    /** One line of revisit_effectiveness.csv. {@code breakdown} says which of reason, channel, owner it splits by. */
    public record Row(String breakdown, String reason, String channel, String owner, long tasks, long converted,
                      long ordersAfter, BigDecimal revenueAfter, LocalDate firstIssuedOn, LocalDate lastIssuedOn) {

        /** converted / tasks with 4 decimals (half up); 0 when there are no tasks. */
        public BigDecimal conversionRate() {
            return tasks == 0 ? BigDecimal.ZERO.setScale(4)
                    : BigDecimal.valueOf(converted).divide(BigDecimal.valueOf(tasks), 4, RoundingMode.HALF_UP);
        }
    }

    private record Key(String reason, String channel, String owner) {
    }

    private static final class Tally {
        long tasks;
        long converted;
        long orders;
        BigDecimal revenue = BigDecimal.ZERO;
        LocalDate first;
        LocalDate last;

        void add(long tasks, long converted, long orders, BigDecimal revenue, LocalDate first, LocalDate last) {
            this.tasks += tasks;
            this.converted += converted;
            this.orders += orders;
            this.revenue = this.revenue.add(revenue);
            this.first = this.first == null || first.isBefore(this.first) ? first : this.first;
            this.last = this.last == null || last.isAfter(this.last) ? last : this.last;
        }
    }

    private final int windowDays;
    private final Map<Key, Tally> tallies = new TreeMap<>(Comparator.comparing(Key::reason)
            .thenComparing(Key::channel).thenComparing(Key::owner));

    public RevisitEffectiveness(int windowDays) {
        this.windowDays = windowDays;
    }

    public int windowDays() {
        return windowDays;
    }

    /** Adds tasks evaluated on an earlier night, already summed per reason, channel and owner. */
    public void add(String reason, String channel, String owner, long tasks, long converted, long orders,
                    BigDecimal revenue, LocalDate firstIssuedOn, LocalDate lastIssuedOn) {
        tallies.computeIfAbsent(new Key(reason, channel, owner), k -> new Tally())
                .add(tasks, converted, orders, revenue, firstIssuedOn, lastIssuedOn);
    }

    public void add(RevisitOutcome o) {
        IssuedTask t = o.task();
        add(t.reason(), t.channel(), t.owner(), 1, o.converted() ? 1 : 0, o.ordersAfter(), o.revenueAfter(),
                t.issuedOn(), t.issuedOn());
    }

    /** The total row first, then per reason, per channel, per owner, then every reason, channel and owner. */
    public List<Row> rows() {
        Map<String, Tally> total = new TreeMap<>();
        Map<String, Tally> byReason = new TreeMap<>();
        Map<String, Tally> byChannel = new TreeMap<>();
        Map<String, Tally> byOwner = new TreeMap<>();
        List<Row> detail = new ArrayList<>();
        total.put(ALL, new Tally());
        tallies.forEach((k, t) -> {
            for (Tally sum : List.of(total.get(ALL), byReason.computeIfAbsent(k.reason(), x -> new Tally()),
                    byChannel.computeIfAbsent(k.channel(), x -> new Tally()),
                    byOwner.computeIfAbsent(k.owner(), x -> new Tally()))) {
                sum.add(t.tasks, t.converted, t.orders, t.revenue, t.first, t.last);
            }
            detail.add(row("reason+channel+owner", k.reason(), k.channel(), k.owner(), t));
        });
        List<Row> rows = new ArrayList<>();
        rows.add(row("all", ALL, ALL, ALL, total.get(ALL)));
        byReason.forEach((reason, t) -> rows.add(row("reason", reason, ALL, ALL, t)));
        byChannel.forEach((channel, t) -> rows.add(row("channel", ALL, channel, ALL, t)));
        byOwner.forEach((owner, t) -> rows.add(row("owner", ALL, ALL, owner, t)));
        rows.addAll(detail);
        return rows;
    }

    /** The overall row. */
    public Row total() {
        return rows().get(0);
    }

    private static Row row(String breakdown, String reason, String channel, String owner, Tally t) {
        return new Row(breakdown, reason, channel, owner, t.tasks, t.converted, t.orders, t.revenue, t.first, t.last);
    }
}

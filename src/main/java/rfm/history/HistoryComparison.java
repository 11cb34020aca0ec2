package rfm.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import rfm.classify.LifecycleStage;
import rfm.classify.ScoredCustomer;
import rfm.classify.SegmentRule;

/**
 * Tonight against the previous recorded night: every customer's previous and current state, the customers that
 * are gone, what the CRM must hear about (crm_delta.csv), the segment and stage migration matrices, and how many
 * history rows tonight adds.
 *
 * @param previousRun the latest recorded night before tonight, or null (then everyone is new)
 * @param latestRun the latest recorded night of all (tonight itself on a rerun), or null
 * @param recorded whether tonight's results go into the history: not when a later night is recorded already
 * @param changed the positions of the customers whose state is new or differs from the previous night
 */
public record HistoryComparison(LocalDate asOf, LocalDate previousRun, LocalDate latestRun, boolean recorded,
                                List<ScoredCustomer> customers, PreviousStates previous, CustomerState[] current,
                                int[] changed) {

    /** The row key of customers that had no previous state, and the column key of those gone tonight. */
    public static final String NEW = "(new)";
    public static final String GONE = "(gone)";

    /** What changed for one customer, for crm_delta.csv. {@code customer} is null for a customer gone tonight. */
    public enum Change { NEW, CHANGED, GONE }

    public record Delta(String customerId, Change change, List<String> changedFields, ScoredCustomer customer,
                        CustomerState previous, CustomerState current) {
    }

    public static HistoryComparison compare(LocalDate asOf, LocalDate previousRun, LocalDate latestRun,
                                            List<ScoredCustomer> customers, PreviousStates previous) {
        if (previous.size() != customers.size()) {
            throw new IllegalArgumentException("previous states do not line up with tonight's customers");
        }
        CustomerState[] current = new CustomerState[customers.size()];
        int[] changed = new int[current.length];
        int n = 0;
        // equal states shared: a few thousand distinct ones among a million customers, which keep them to the end
        // of the run (one object each was 48 MB more for the old generation at a million)
        Map<CustomerState, CustomerState> distinct = new HashMap<>();
        for (int i = 0; i < current.length; i++) {
            CustomerState state = CustomerState.of(customers.get(i), previous.get(i), asOf);
            CustomerState same = distinct.putIfAbsent(state, state);
            current[i] = same == null ? state : same;
            if (current[i].differsFrom(previous.get(i))) {
                changed[n++] = i;
            }
        }
        boolean recorded = latestRun == null || !asOf.isBefore(latestRun);
        return new HistoryComparison(asOf, previousRun, latestRun, recorded, customers, previous, current,
                Arrays.copyOf(changed, n));
    }

    public CustomerState previous(int i) {
        return previous.get(i);
    }

    public CustomerState current(int i) {
        return current[i];
    }

    /** The rows tonight adds to the history: one per customer whose state is new or differs from the previous night. */
    public int historyRows() {
        return changed.length;
    }

    /** The customers whose history changes tonight: a row added, or a stretch closed for a customer gone. */
    public int changes() {
        return changed.length + previous.gone().size();
    }

    /**
     * Customers new tonight, changed in a CRM field, or gone, ordered by customer id, one at a time: on a first
     * night every customer is in the delta, and a list of them all would be a million objects more kept until the
     * file is written.
     */
    public void forEachCrmDelta(Consumer<Delta> delta) {
        List<PreviousStates.Gone> gone = previous.gone();
        int g = 0;
        for (int i = 0; i < current.length; i++) {
            String id = customers.get(i).customerId();
            for (; g < gone.size() && gone.get(g).customerId().compareTo(id) < 0; g++) {
                delta.accept(goneDelta(gone.get(g)));
            }
            CustomerState before = previous.get(i);
            List<String> changed = current[i].crmChangesSince(before);
            if (!changed.isEmpty()) {
                delta.accept(new Delta(id, before == null ? Change.NEW : Change.CHANGED, changed, customers.get(i),
                        before, current[i]));
            }
        }
        for (; g < gone.size(); g++) {
            delta.accept(goneDelta(gone.get(g)));
        }
    }

    private static Delta goneDelta(PreviousStates.Gone gone) {
        return new Delta(gone.customerId(), Change.GONE, CustomerState.CRM_FIELDS, null, gone.state(), null);
    }

    /**
     * Customers per previous segment and current segment (non-zero cells only), rows and columns in the segment
     * table's order; customers without a previous state come from {@value #NEW}, those gone go to {@value #GONE}.
     */
    public Map<String, Map<String, Long>> segmentMigration(List<SegmentRule> table) {
        return migration(table.stream().map(SegmentRule::code).toList(), CustomerState::segment);
    }

    /** The same for lifecycle stages. */
    public Map<String, Map<String, Long>> stageMigration() {
        return migration(Arrays.stream(LifecycleStage.values()).map(Enum::name).toList(),
                CustomerState::lifecycleStage);
    }

    private Map<String, Map<String, Long>> migration(List<String> order, Function<CustomerState, String> field) {
        List<String> rowsOrder = new ArrayList<>();
        rowsOrder.add(NEW);
        rowsOrder.addAll(order);
        List<String> columnsOrder = new ArrayList<>(order);
        columnsOrder.add(GONE);
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (int i = 0; i < current.length; i++) {
            CustomerState before = previous.get(i);
            count(counts, before == null ? NEW : field.apply(before), field.apply(current[i]));
        }
        for (PreviousStates.Gone gone : previous.gone()) {
            count(counts, field.apply(gone.state()), GONE);
        }
        Map<String, Map<String, Long>> ordered = new LinkedHashMap<>();
        for (String from : ordering(rowsOrder, counts.keySet())) {
            Map<String, Long> row = new LinkedHashMap<>();
            for (String to : ordering(columnsOrder, counts.get(from).keySet())) {
                row.put(to, counts.get(from).get(to));
            }
            ordered.put(from, row);
        }
        return ordered;
    }

    private static void count(Map<String, Map<String, Long>> counts, String from, String to) {
        counts.computeIfAbsent(from, k -> new LinkedHashMap<>()).merge(to, 1L, Long::sum);
    }

    /** The known keys in their order, then any others (a segment no longer in the table) by name. */
    private static List<String> ordering(List<String> known, Set<String> present) {
        List<String> result = new ArrayList<>(known.stream().filter(present::contains).toList());
        present.stream().filter(k -> !known.contains(k)).sorted().forEach(result::add);
        return result;
    }
}

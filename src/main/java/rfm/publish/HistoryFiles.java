package rfm.publish;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import rfm.classify.ScoredCustomer;
import rfm.history.CustomerState;
import rfm.history.HistoryComparison;
import rfm.revisit.RevisitEffectiveness;

/** Writes what tonight is against the previous night: crm_delta.csv for CRM imports, revisit_effectiveness.csv for analysts. */
public final class HistoryFiles {

    public static final List<String> CRM_DELTA_COLUMNS = List.of("customer_id", "change", "changed_fields", "name",
            "owner", "segment", "previous_segment", "lifecycle_stage", "previous_lifecycle_stage", "value_tier",
            "previous_value_tier", "churn_risk", "previous_churn_risk", "churn_risk_reasons", "segment_since",
            "previous_run", "as_of_date");

    public static final List<String> EFFECTIVENESS_COLUMNS = List.of("breakdown", "reason", "channel", "owner", "tasks",
            "converted", "conversion_rate", "orders_after", "revenue_after", "first_issued_on", "last_issued_on");

    private HistoryFiles() {
    }

    /**
     * crm_delta.csv: one row per customer new tonight ({@code NEW}), changed in segment, lifecycle stage, value
     * tier or churn-risk flag ({@code CHANGED}), or no longer in any input ({@code GONE}); ordered by customer id.
     * Returns the rows written.
     */
    public static long writeCrmDelta(Path file, HistoryComparison night, boolean bom, boolean neutraliseFormulas) {
        try (CsvOutput out = CsvOutput.create(file, CRM_DELTA_COLUMNS, bom, neutraliseFormulas)) {
            Map<List<String>, String> joined = new IdentityHashMap<>(); // the changed fields come in a few shared lists
            night.forEachCrmDelta(d -> {
                CustomerState now = d.current();
                CustomerState before = d.previous();
                ScoredCustomer customer = d.customer();
                out.text(d.customerId()).text(d.change().name())
                        .text(joined.computeIfAbsent(d.changedFields(), fields -> String.join("|", fields)))
                        .text(customer == null ? null : customer.profile().nameUtf8())
                        .text(customer == null ? null : customer.profile().owner())
                        .text(now == null ? null : now.segment()).text(before == null ? null : before.segment())
                        .text(now == null ? null : now.lifecycleStage()).text(before == null ? null : before.lifecycleStage())
                        .text(now == null ? null : now.valueTier()).text(before == null ? null : before.valueTier());
                churnRisk(out, now);
                churnRisk(out, before);
                out.text(customer == null ? null : CustomerFiles.reasons(customer))
                        .date(now == null ? null : now.segmentSince()).date(night.previousRun()).date(night.asOf())
                        .endRow();
            });
            return out.rows();
        }
    }

    /** A state's churn-risk flag; empty when there is no state. */
    private static void churnRisk(CsvOutput out, CustomerState state) {
        if (state == null) {
            out.empty();
        } else {
            out.bool(state.churnRisk());
        }
    }

    /** revisit_effectiveness.csv: the rows of {@link RevisitEffectiveness#rows()}; returns the rows written. */
    public static long writeEffectiveness(Path file, RevisitEffectiveness effectiveness, boolean bom) {
        try (CsvOutput out = CsvOutput.create(file, EFFECTIVENESS_COLUMNS, bom, true)) {
            for (RevisitEffectiveness.Row r : effectiveness.rows()) {
                out.row(Arrays.asList(r.breakdown(), r.reason(), r.channel(), r.owner(), r.tasks(), r.converted(),
                        r.conversionRate().toPlainString(), r.ordersAfter(), r.revenueAfter(), r.firstIssuedOn(),
                        r.lastIssuedOn()));
            }
            return out.rows();
        }
    }
}

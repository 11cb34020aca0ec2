package rfm.publish;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import rfm.classify.ChurnReason;
import rfm.classify.ScoredCustomer;
import rfm.classify.SegmentRule;
import rfm.history.CustomerState;
import rfm.history.HistoryComparison;
import rfm.ingest.CustomerProfile;
import rfm.measure.CustomerMeasures;
import rfm.score.RfmScores;

/** Writes the per-customer outputs: customers_scored.csv for analysts and segments/<SEGMENT>.csv for CRM import. */
public final class CustomerFiles {

    public static final List<String> SCORED_COLUMNS = List.of("customer_id", "name", "owner", "recency_days",
            "frequency", "monetary", "first_order_date", "last_order_date", "r_score", "f_score", "m_score",
            "rfm_code", "segment", "value_tier", "lifecycle_stage", "dormant", "churn_risk", "churn_risk_reasons",
            "interaction_tier", "interactions_90d", "last_contact_date", "previous_segment",
            "previous_lifecycle_stage", "segment_since", "tenure_days", "purchase_days",
            "last_satisfaction", "last_survey_date", "need_category", "region", "industry");

    public static final List<String> SEGMENT_COLUMNS = List.of("customer_id", "name", "company", "phone", "email",
            "owner", "segment", "segment_name_zh", "segment_name_en", "rfm_code", "r_score", "f_score", "m_score",
            "value_tier", "lifecycle_stage", "churn_risk", "churn_risk_reasons", "recency_days", "frequency",
            "monetary", "last_order_date", "suggested_action_zh", "suggested_action_en", "as_of_date");

    private CustomerFiles() {
    }

    /**
     * Writes customers_scored.csv, one row per customer of the comparison with the previous night (ordered by
     * customer id); returns the rows written.
     */
    public static long writeScored(Path file, HistoryComparison night, boolean bom) {
        List<ScoredCustomer> customers = night.customers();
        try (CsvOutput out = CsvOutput.create(file, SCORED_COLUMNS, bom, true)) {
            for (int i = 0; i < customers.size(); i++) {
                ScoredCustomer c = customers.get(i);
                CustomerState before = night.previous(i);
                CustomerProfile p = c.profile();
                CustomerMeasures m = c.measures();
                RfmScores s = c.scores();
                out.row(Arrays.asList(c.customerId(), p.nameUtf8(), p.owner(), m.recencyDays(), m.frequency(),
                        m.monetary(), m.firstOrderDate(), m.lastOrderDate(),
                        s == null ? null : s.r(), s == null ? null : s.f(), s == null ? null : s.m(),
                        s == null ? null : s.code(), c.segment().code(),
                        c.valueTier() == null ? null : c.valueTier().code(), c.stage().name(), c.stage().dormant(),
                        c.churnRisk(), reasons(c), c.interactionTier().name(), m.interactions90d(),
                        m.lastContactDate(), before == null ? null : before.segment(),
                        before == null ? null : before.lifecycleStage(), night.current(i).segmentSince(), m.tenureDays(), m.purchaseDays(), m.lastSatisfaction(),
                        m.lastSurveyDate(), m.needCategory() == null ? null : m.needCategory().name(),
                        p.region(), p.industry()));
            }
            return out.rows();
        }
    }

    /**
     * Writes one CRM file per segment (also for empty segments, so importers always find the same files);
     * returns rows per segment code.
     */
    public static Map<String, Long> writeSegments(Path dir, List<ScoredCustomer> customers, List<SegmentRule> segments,
                                                  LocalDate asOf, boolean bom, boolean neutraliseFormulas) {
        Map<String, CsvOutput> files = new LinkedHashMap<>();
        try {
            for (SegmentRule segment : segments) {
                files.put(segment.code(), CsvOutput.create(dir.resolve(segment.code() + ".csv"), SEGMENT_COLUMNS, bom,
                        neutraliseFormulas));
            }
            for (ScoredCustomer c : customers) {
                CustomerProfile p = c.profile();
                CustomerMeasures m = c.measures();
                RfmScores s = c.scores();
                SegmentRule seg = c.segment();
                files.get(seg.code()).row(Arrays.asList(c.customerId(), p.nameUtf8(), p.company(), p.phoneUtf8(),
                        p.emailUtf8(), p.owner(), seg.code(), seg.nameZh(), seg.nameEn(), s == null ? null : s.code(),
                        s == null ? null : s.r(), s == null ? null : s.f(), s == null ? null : s.m(),
                        c.valueTier() == null ? null : c.valueTier().code(), c.stage().name(), c.churnRisk(),
                        reasons(c), m.recencyDays(), m.frequency(), m.monetary(), m.lastOrderDate(),
                        seg.actionZh(), seg.actionEn(), asOf));
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            files.forEach((code, out) -> rows.put(code, out.rows()));
            return rows;
        } finally {
            List<RuntimeException> errors = new ArrayList<>();
            files.values().forEach(out -> {
                try {
                    out.close();
                } catch (RuntimeException e) {
                    errors.add(e);
                }
            });
            if (!errors.isEmpty()) {
                throw errors.get(0);
            }
        }
    }

    /** Churn-risk reasons joined with |, in SPEC's order. */
    static String reasons(ScoredCustomer c) {
        if (c.churnReasons().isEmpty()) {
            return ""; // most customers: no stream, no joiner
        }
        StringBuilder joined = new StringBuilder();
        for (ChurnReason reason : REASONS) {
            if (c.churnReasons().contains(reason)) {
                joined.append(joined.isEmpty() ? "" : "|").append(reason.name());
            }
        }
        return joined.toString();
    }

    private static final ChurnReason[] REASONS = ChurnReason.values();
}

package rfm.publish;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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

import static rfm.measure.CustomerMeasures.NONE;

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
                out.text(c.customerId()).text(p.nameUtf8()).text(p.owner()).number(m.recencyDaysOrNone(), NONE)
                        .number(m.frequency()).money(m.monetary()).epochDay(m.firstOrderDay(), NONE)
                        .epochDay(m.lastOrderDay(), NONE);
                scores(out, s);
                out.text(s == null ? null : s.code()).text(c.segment().code())
                        .text(c.valueTier() == null ? null : c.valueTier().code()).text(c.stage().name())
                        .bool(c.stage().dormant()).bool(c.churnRisk()).text(reasons(c)).text(c.interactionTier().name())
                        .number(m.interactions90d()).epochDay(m.lastContactDay(), NONE)
                        .text(before == null ? null : before.segment())
                        .text(before == null ? null : before.lifecycleStage()).date(night.current(i).segmentSince())
                        .number(m.tenureDaysOrNone(), NONE).number(m.purchaseDays())
                        .number(m.lastSatisfactionOrNone(), NONE).epochDay(m.lastSurveyDay(), NONE)
                        .text(m.needCategory() == null ? null : m.needCategory().name()).text(p.region())
                        .text(p.industry())
                        .endRow();
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
                CsvOutput out = files.get(seg.code());
                out.text(c.customerId()).text(p.nameUtf8()).text(p.company()).text(p.phoneUtf8()).text(p.emailUtf8())
                        .text(p.owner()).text(seg.code()).text(seg.nameZh()).text(seg.nameEn())
                        .text(s == null ? null : s.code());
                scores(out, s);
                out.text(c.valueTier() == null ? null : c.valueTier().code()).text(c.stage().name()).bool(c.churnRisk())
                        .text(reasons(c)).number(m.recencyDaysOrNone(), NONE).number(m.frequency()).money(m.monetary())
                        .epochDay(m.lastOrderDay(), NONE).text(seg.actionZh()).text(seg.actionEn()).date(asOf)
                        .endRow();
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

    /** The R, F and M scores; three empty fields for a customer with none (a prospect). */
    private static void scores(CsvOutput out, RfmScores s) {
        if (s == null) {
            out.empty().empty().empty();
        } else {
            out.number(s.r()).number(s.f()).number(s.m());
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

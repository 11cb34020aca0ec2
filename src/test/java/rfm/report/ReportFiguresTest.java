package rfm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import rfm.classify.ChurnReason;
import rfm.classify.InteractionTier;
import rfm.classify.LifecycleStage;
import rfm.classify.ScoreRange;
import rfm.classify.ScoredCustomer;
import rfm.classify.SegmentRule;
import rfm.history.NightFigures;
import rfm.ingest.CustomerProfile;
import rfm.measure.CustomerMeasures;
import rfm.score.RfmScores;

class ReportFiguresTest {

    static final LocalDate D = LocalDate.of(2026, 11, 22);
    static final SegmentRule CHAMPIONS = new SegmentRule("CHAMPIONS", "重要价值客户", "Champions", "", "",
            ScoreRange.parse("5"), ScoreRange.parse(">= 4"));
    static final SegmentRule LOST = new SegmentRule("LOST", "流失客户", "Lost", "", "", ScoreRange.parse("1"),
            ScoreRange.parse("< 2.5"));
    static final SegmentRule PROSPECT = new SegmentRule("PROSPECT", "潜在客户", "Prospects", "", "", null, null);
    static final List<SegmentRule> TABLE = List.of(CHAMPIONS, LOST, PROSPECT);

    static ScoredCustomer buyer(String id, SegmentRule segment, LifecycleStage stage, int r, int f, String monetary,
                                ChurnReason... churn) {
        CustomerMeasures measures = new CustomerMeasures(id, 3, new BigDecimal(monetary), D.minusDays(100), D.minusDays(5),
                5, 100, 3, 1, 1, 0, null, null, null, null, null);
        Set<ChurnReason> reasons = churn.length == 0 ? EnumSet.noneOf(ChurnReason.class) : EnumSet.of(churn[0], churn);
        return new ScoredCustomer(CustomerProfile.unknown(id), measures, new RfmScores(r, f, 3), segment, null, stage,
                reasons, InteractionTier.NONE);
    }

    static ScoredCustomer prospect(String id) {
        CustomerMeasures measures = new CustomerMeasures(id, 0, BigDecimal.ZERO, null, null, null, null, 0, 0, 0, 0,
                null, null, null, null, null);
        return new ScoredCustomer(CustomerProfile.unknown(id), measures, null, PROSPECT, null, LifecycleStage.POTENTIAL,
                Set.of(), InteractionTier.NONE);
    }

    static final List<ScoredCustomer> CUSTOMERS = List.of(
            buyer("C1", CHAMPIONS, LifecycleStage.LOYAL, 5, 5, "1000.005", ChurnReason.DECLINING, ChurnReason.UNHAPPY),
            buyer("C2", CHAMPIONS, LifecycleStage.ACTIVE, 5, 5, "200"),
            buyer("C3", CHAMPIONS, LifecycleStage.ACTIVE, 5, 3, "3000", ChurnReason.OVERDUE),
            buyer("C4", LOST, LifecycleStage.CHURNED, 1, 1, "50.10"),
            buyer("C5", CHAMPIONS, LifecycleStage.NEW, 5, 3, "1000.005", ChurnReason.DECLINING),
            prospect("C6"));

    static ReportFigures figures(NightFigures previous, int top) {
        NightFigures now = NightFigures.of(CUSTOMERS, 4, 2);
        return ReportFigures.of(D, previous == null ? null : D.minusDays(1), now, previous, CUSTOMERS, TABLE, List.of(), Map.of(),
                List.of(), top);
    }

    @Test
    void countsSegmentsStagesReasonsAndTheGridInOnePass() {
        ReportFigures f = figures(null, 50);
        assertThat(f.segments()).extracting(s -> s.rule().code(), ReportFigures.SegmentRow::customers,
                        s -> s.revenue().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CHAMPIONS", 4L, "5200.01"),
                        org.assertj.core.groups.Tuple.tuple("LOST", 1L, "50.10"),
                        org.assertj.core.groups.Tuple.tuple("PROSPECT", 1L, "0.00"));
        // the funnel's order, every stage present
        assertThat(f.stages()).containsExactly(Map.entry("POTENTIAL", 1L), Map.entry("NEW", 1L), Map.entry("ACTIVE", 2L),
                Map.entry("LOYAL", 1L), Map.entry("DORMANT", 0L), Map.entry("CHURNED", 1L));
        // a customer with two reasons counts for both
        assertThat(f.churnReasons()).containsExactly(Map.entry("OVERDUE", 1L), Map.entry("DECLINING", 2L), Map.entry("UNHAPPY", 1L));
        // buyers only; the average to the cent: (1000.005 + 200) / 2 = 600.0025 -> 600.00, (3000 + 1000.005) / 2 = 2000.0025 -> 2000.00
        assertThat(f.grid().customers(5, 5)).isEqualTo(2);
        assertThat(f.grid().averageMonetary(5, 5)).isEqualByComparingTo("600.00");
        assertThat(f.grid().customers(5, 3)).isEqualTo(2);
        assertThat(f.grid().averageMonetary(5, 3)).isEqualByComparingTo("2000.00");
        assertThat(f.grid().customers(1, 1)).isEqualTo(1);
        assertThat(f.grid().averageMonetary(1, 1)).isEqualByComparingTo("50.10");
        assertThat(f.grid().customers(3, 3)).isZero();
        assertThat(f.grid().averageMonetary(3, 3).toPlainString()).isEqualTo("0.00");
        long inGrid = 0;
        for (int r = 1; r <= 5; r++) {
            for (int c = 1; c <= 5; c++) {
                inGrid += f.grid().customers(r, c);
            }
        }
        assertThat(inGrid).isEqualTo(5);
    }

    @Test
    void theCustomersAtRiskWorthMostComeFirstAndTiesGoByCustomerId() {
        assertThat(figures(null, 50).topAtRisk()).extracting(ScoredCustomer::customerId).containsExactly("C3", "C1", "C5");
        assertThat(figures(null, 2).topAtRisk()).extracting(ScoredCustomer::customerId).containsExactly("C3", "C1");
        assertThat(figures(null, 0).topAtRisk()).isEmpty();
    }

    @Test
    void theHeadlineChangesAgainstThePreviousNightWhenItIsKnown() {
        NightFigures previous = new NightFigures(7, 5, 2, new BigDecimal("5000.5"), 1, 9, 0);
        List<ReportFigures.Headline> headline = figures(previous, 50).headline();
        assertThat(headline).extracting(ReportFigures.Headline::key)
                .containsExactly("customers", "buyers", "prospects", "revenue", "churn_risk", "tasks", "rejects");
        assertThat(headline).extracting(h -> h.value().toPlainString(), h -> h.change().toPlainString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("6", "-1"), org.assertj.core.groups.Tuple.tuple("5", "0"),
                org.assertj.core.groups.Tuple.tuple("1", "-1"), org.assertj.core.groups.Tuple.tuple("5250.11", "249.61"),
                org.assertj.core.groups.Tuple.tuple("3", "2"), org.assertj.core.groups.Tuple.tuple("4", "-5"),
                org.assertj.core.groups.Tuple.tuple("2", "2"));
        assertThat(figures(null, 50).headline()).allSatisfy(h -> assertThat(h.change()).isNull());
    }
}

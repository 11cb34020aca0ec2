package rfm.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
import rfm.classify.ValueTier;
import rfm.ingest.CustomerProfile;
import rfm.measure.CustomerMeasures;
import rfm.score.RfmScores;

class HistoryComparisonTest {

    static final LocalDate D = LocalDate.of(2026, 11, 22);
    static final LocalDate PREVIOUS = D.minusDays(1);
    static final List<SegmentRule> TABLE = List.of(segment("CHAMPIONS"), segment("LOYAL"), segment("AT_RISK"));

    static SegmentRule segment(String code) {
        return new SegmentRule(code, code, code, "", "", ScoreRange.parse("1-5"), ScoreRange.parse(">= 1"));
    }

    /** A buyer with the given segment, stage, tier and scores; churn risk when reasons are given. */
    static ScoredCustomer buyer(String id, String segment, LifecycleStage stage, String tier, int r, int f, int m,
                                ChurnReason... churn) {
        CustomerMeasures measures = new CustomerMeasures(id, 3, new BigDecimal("300"), D.minusDays(100), D.minusDays(5),
                5, 100, 3, 1, 1, 0, null, null, null, null, null);
        Set<ChurnReason> reasons = churn.length == 0 ? EnumSet.noneOf(ChurnReason.class) : EnumSet.of(churn[0], churn);
        return new ScoredCustomer(CustomerProfile.unknown(id), measures, new RfmScores(r, f, m), segment(segment),
                new ValueTier(tier, tier, tier, ScoreRange.parse("3-15")), stage, reasons, InteractionTier.NONE);
    }

    static CustomerState state(String segment, String stage, String tier, int r, int f, int m, boolean churn, LocalDate since) {
        return new CustomerState(segment, stage, tier, r, f, m, churn, since);
    }

    static HistoryComparison compare(List<ScoredCustomer> tonight, Map<String, CustomerState> before) {
        PreviousStates previous = new PreviousStates(tonight);
        before.forEach(previous::put);
        return HistoryComparison.compare(D, before.isEmpty() ? null : PREVIOUS, before.isEmpty() ? null : PREVIOUS,
                tonight, previous);
    }

    @Test
    void theFirstNightMakesEveryoneNewAndStartsTheirSegmentTonight() {
        HistoryComparison night = compare(List.of(buyer("C1", "LOYAL", LifecycleStage.LOYAL, "A", 4, 5, 5)), Map.of());
        assertThat(night.previous(0)).isNull();
        assertThat(night.current(0).segmentSince()).isEqualTo(D);
        assertThat(night.historyRows()).isEqualTo(1);
        assertThat(crmDelta(night)).singleElement().satisfies(d -> {
            assertThat(d.change()).isEqualTo(HistoryComparison.Change.NEW);
            assertThat(d.changedFields()).containsExactly("segment", "lifecycle_stage", "value_tier", "churn_risk");
        });
        assertThat(night.segmentMigration(TABLE)).isEqualTo(Map.of("(new)", Map.of("LOYAL", 1L)));
        assertThat(night.recorded()).isTrue();
    }

    @Test
    void anUnchangedCustomerAddsNoRowAndKeepsItsSegmentDate() {
        LocalDate since = D.minusDays(40);
        HistoryComparison night = compare(List.of(buyer("C1", "LOYAL", LifecycleStage.LOYAL, "A", 4, 5, 5)),
                Map.of("C1", state("LOYAL", "LOYAL", "A", 4, 5, 5, false, since)));
        assertThat(night.historyRows()).isZero();
        assertThat(crmDelta(night)).isEmpty();
        assertThat(night.current(0).segmentSince()).isEqualTo(since);
        assertThat(night.segmentMigration(TABLE)).isEqualTo(Map.of("LOYAL", Map.of("LOYAL", 1L)));
    }

    @Test
    void aScoreChangeIsHistoryButNotCrmNews() {
        LocalDate since = D.minusDays(40);
        HistoryComparison night = compare(List.of(buyer("C1", "LOYAL", LifecycleStage.LOYAL, "A", 4, 5, 4)),
                Map.of("C1", state("LOYAL", "LOYAL", "A", 4, 5, 5, false, since)));
        assertThat(night.historyRows()).isEqualTo(1);
        assertThat(crmDelta(night)).isEmpty();
        assertThat(night.current(0).segmentSince()).as("still in the same segment").isEqualTo(since);
    }

    @Test
    void slippingFromLoyalToAtRiskIsInTheDeltaWithOldAndNewValues() {
        HistoryComparison night = compare(List.of(buyer("C1", "AT_RISK", LifecycleStage.LOYAL, "B", 2, 3, 3,
                        ChurnReason.OVERDUE)),
                Map.of("C1", state("LOYAL", "LOYAL", "A", 4, 5, 5, false, D.minusDays(40))));
        assertThat(crmDelta(night)).singleElement().satisfies(d -> {
            assertThat(d.change()).isEqualTo(HistoryComparison.Change.CHANGED);
            assertThat(d.changedFields()).containsExactly("segment", "value_tier", "churn_risk");
            assertThat(d.previous().segment()).isEqualTo("LOYAL");
            assertThat(d.current().segment()).isEqualTo("AT_RISK");
        });
        assertThat(night.current(0).segmentSince()).isEqualTo(D);
        assertThat(night.segmentMigration(TABLE)).isEqualTo(Map.of("LOYAL", Map.of("AT_RISK", 1L)));
        assertThat(night.stageMigration()).isEqualTo(Map.of("LOYAL", Map.of("LOYAL", 1L)));
    }

    @Test
    void aCustomerNoInputNamesAnyMoreIsGoneInIdOrder() {
        HistoryComparison night = compare(List.of(buyer("C2", "LOYAL", LifecycleStage.LOYAL, "A", 4, 5, 5)),
                Map.of("C1", state("CHAMPIONS", "LOYAL", "A", 5, 5, 5, false, PREVIOUS),
                        "C2", state("LOYAL", "LOYAL", "A", 4, 5, 5, false, PREVIOUS),
                        "C3", state("AT_RISK", "DORMANT", "C", 2, 3, 3, false, PREVIOUS)));
        assertThat(crmDelta(night)).extracting(HistoryComparison.Delta::customerId, HistoryComparison.Delta::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C1", HistoryComparison.Change.GONE),
                        org.assertj.core.groups.Tuple.tuple("C3", HistoryComparison.Change.GONE));
        assertThat(night.segmentMigration(TABLE)).as("rows in the segment table's order").containsExactly(
                Map.entry("CHAMPIONS", Map.of("(gone)", 1L)),
                Map.entry("LOYAL", Map.of("LOYAL", 1L)),
                Map.entry("AT_RISK", Map.of("(gone)", 1L)));
    }

    @Test
    void migrationRowsAndColumnsFollowTheSegmentTable() {
        HistoryComparison night = compare(List.of(
                        buyer("C1", "AT_RISK", LifecycleStage.DORMANT, "C", 2, 3, 3),
                        buyer("C2", "CHAMPIONS", LifecycleStage.LOYAL, "A", 5, 5, 5),
                        buyer("C3", "LOYAL", LifecycleStage.LOYAL, "A", 4, 5, 5),
                        buyer("C4", "LOYAL", LifecycleStage.ACTIVE, "A", 4, 4, 4)),
                Map.of("C1", state("LOYAL", "LOYAL", "A", 4, 5, 5, false, PREVIOUS),
                        "C2", state("LOYAL", "LOYAL", "A", 4, 5, 5, false, PREVIOUS),
                        "C3", state("LOYAL", "LOYAL", "A", 4, 5, 5, false, PREVIOUS)));
        assertThat(night.segmentMigration(TABLE)).containsExactly(
                Map.entry("(new)", Map.of("LOYAL", 1L)),
                Map.entry("LOYAL", new java.util.LinkedHashMap<>(Map.of("CHAMPIONS", 1L, "LOYAL", 1L, "AT_RISK", 1L))));
        assertThat(night.segmentMigration(TABLE).get("LOYAL").keySet()).containsExactly("CHAMPIONS", "LOYAL", "AT_RISK");
        assertThat(night.stageMigration().get("LOYAL").keySet()).containsExactly("DORMANT", "LOYAL");
    }

    @Test
    void aNightOlderThanTheLatestRecordedOneIsComparedButNotRecorded() {
        List<ScoredCustomer> tonight = List.of(buyer("C1", "LOYAL", LifecycleStage.LOYAL, "A", 4, 5, 5));
        HistoryComparison older = HistoryComparison.compare(D, PREVIOUS, D.plusDays(3), tonight, new PreviousStates(tonight));
        assertThat(older.recorded()).isFalse();
        HistoryComparison rerun = HistoryComparison.compare(D, PREVIOUS, D, tonight, new PreviousStates(tonight));
        assertThat(rerun.recorded()).as("a rerun of the latest night records it again").isTrue();
    }

    @Test
    void previousStatesNeedTonightsCustomersInIdOrder() {
        assertThatThrownBy(() -> new PreviousStates(List.of(buyer("C2", "LOYAL", LifecycleStage.LOYAL, "A", 4, 5, 5),
                buyer("C1", "LOYAL", LifecycleStage.LOYAL, "A", 4, 5, 5)))).hasMessageContaining("ordered by id");
    }

    private static List<HistoryComparison.Delta> crmDelta(HistoryComparison night) {
        List<HistoryComparison.Delta> delta = new ArrayList<>();
        night.forEachCrmDelta(delta::add);
        return delta;
    }
}

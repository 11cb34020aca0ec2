package rfm.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import rfm.measure.CustomerMeasures;

class LifecycleRulesTest {

    static final LocalDate D = LocalDate.of(2026, 11, 22);
    final LifecycleRules rules = new LifecycleRules(365, 90, 60, 5, 180);

    /** A buyer whose last order was {@code recency} days before D and first order {@code tenure} days before D. */
    static CustomerMeasures buyer(int recency, int tenure, int frequency) {
        return new CustomerMeasures("C1", frequency, new BigDecimal("100.00"), D.minusDays(tenure), D.minusDays(recency),
                recency, tenure, Math.min(frequency, tenure - recency + 1), 0, 0, 0, null, null, null, null, null);
    }

    static CustomerMeasures prospect() {
        return new CustomerMeasures("C1", 0, BigDecimal.ZERO, null, null, null, null, 0, 0, 0,
                3, D.minusDays(2), D.minusDays(1), null, null, null);
    }

    @Test
    void potentialWhenNoCountedOrder() {
        assertThat(rules.stageOf(prospect())).isEqualTo(LifecycleStage.POTENTIAL);
    }

    @Test
    void churnedAfterThreeHundredSixtyFiveDays() {
        assertThat(rules.stageOf(buyer(366, 400, 3))).isEqualTo(LifecycleStage.CHURNED);
    }

    @Test
    void exactlyThreeHundredSixtyFiveDaysIsDormantNotChurned() {
        assertThat(rules.stageOf(buyer(365, 400, 3))).isEqualTo(LifecycleStage.DORMANT);
    }

    @Test
    void dormantAfterNinetyDays() {
        assertThat(rules.stageOf(buyer(91, 300, 3))).isEqualTo(LifecycleStage.DORMANT);
    }

    @Test
    void exactlyNinetyDaysIsNotDormant() {
        assertThat(rules.stageOf(buyer(90, 300, 3))).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void newWhenFirstOrderAtMostSixtyDaysAgo() {
        assertThat(rules.stageOf(buyer(0, 0, 1))).isEqualTo(LifecycleStage.NEW);
        assertThat(rules.stageOf(buyer(5, 60, 2))).isEqualTo(LifecycleStage.NEW);
    }

    @Test
    void sixtyOneDaysOfTenureIsNoLongerNew() {
        assertThat(rules.stageOf(buyer(5, 61, 2))).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void loyalWithFiveOrdersAndOneHundredEightyDaysOfTenure() {
        assertThat(rules.stageOf(buyer(10, 180, 5))).isEqualTo(LifecycleStage.LOYAL);
        assertThat(rules.stageOf(buyer(10, 900, 40))).isEqualTo(LifecycleStage.LOYAL);
    }

    @Test
    void fourOrdersAreNotLoyal() {
        assertThat(rules.stageOf(buyer(10, 180, 4))).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void oneHundredSeventyNineDaysOfTenureAreNotLoyal() {
        assertThat(rules.stageOf(buyer(10, 179, 5))).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void activeIsEveryoneElse() {
        assertThat(rules.stageOf(buyer(30, 100, 2))).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void churnedBeatsLoyal() {
        assertThat(rules.stageOf(buyer(400, 1000, 50))).isEqualTo(LifecycleStage.CHURNED);
    }

    @Test
    void dormantBeatsLoyal() {
        assertThat(rules.stageOf(buyer(100, 1000, 50))).isEqualTo(LifecycleStage.DORMANT);
    }

    @Test
    void dormantBeatsNew() {
        LifecycleRules longNew = new LifecycleRules(365, 90, 200, 5, 180);
        assertThat(longNew.stageOf(buyer(100, 150, 1))).isEqualTo(LifecycleStage.DORMANT);
    }

    @Test
    void newBeatsLoyal() {
        LifecycleRules loyalAtOnce = new LifecycleRules(365, 90, 60, 5, 0);
        assertThat(loyalAtOnce.stageOf(buyer(1, 30, 6))).isEqualTo(LifecycleStage.NEW);
        assertThat(loyalAtOnce.stageOf(buyer(1, 61, 6))).isEqualTo(LifecycleStage.LOYAL);
    }

    @Test
    void onlyDormantIsDormant() {
        for (LifecycleStage stage : LifecycleStage.values()) {
            assertThat(stage.dormant()).as(stage.name()).isEqualTo(stage == LifecycleStage.DORMANT);
        }
    }

    @Test
    void onlyNewActiveAndLoyalCanCarryTheChurnRiskFlag() {
        assertThat(LifecycleStage.values()).filteredOn(LifecycleStage::canChurn)
                .containsExactlyInAnyOrder(LifecycleStage.NEW, LifecycleStage.ACTIVE, LifecycleStage.LOYAL);
    }

    @Test
    void dormantThresholdMustBeBelowChurnedThreshold() {
        assertThatThrownBy(() -> new LifecycleRules(90, 90, 60, 5, 180)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LifecycleRules(365, 0, 60, 5, 180)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LifecycleRules(365, 90, 60, 0, 180)).isInstanceOf(IllegalArgumentException.class);
    }
}

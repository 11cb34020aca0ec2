package rfm.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import rfm.measure.CustomerMeasures;

class ChurnRulesTest {

    static final LocalDate D = LocalDate.of(2026, 11, 22);
    final ChurnRules rules = new ChurnRules(3, new BigDecimal("2"), 90, 2, new BigDecimal("0.5"), 2, 180);

    /** A buyer with nothing alarming about it; each test changes what it is about. */
    static final class Buyer {
        int recency = 5;
        int span = 100;          // last order date - first order date
        int purchaseDays = 1;
        int ordersRecent = 1;
        int ordersPrior = 1;
        Integer satisfaction;
        LocalDate surveyDate;

        Buyer orders(int recency, int purchaseDays, int span) {
            this.recency = recency;
            this.purchaseDays = purchaseDays;
            this.span = span;
            return this;
        }

        Buyer windows(int ordersRecent, int ordersPrior) {
            this.ordersRecent = ordersRecent;
            this.ordersPrior = ordersPrior;
            return this;
        }

        Buyer survey(int satisfaction, LocalDate on) {
            this.satisfaction = satisfaction;
            this.surveyDate = on;
            return this;
        }

        CustomerMeasures measures() {
            LocalDate last = D.minusDays(recency);
            LocalDate first = last.minusDays(span);
            return new CustomerMeasures("C1", Math.max(purchaseDays, ordersRecent + ordersPrior), new BigDecimal("100"),
                    first, last, recency, recency + span, purchaseDays, ordersRecent, ordersPrior,
                    0, null, null, satisfaction, surveyDate, null);
        }
    }

    static Buyer buyer() {
        return new Buyer();
    }

    private java.util.Set<ChurnReason> reasons(Buyer b) {
        return rules.reasonsFor(b.measures(), LifecycleStage.ACTIVE, D);
    }

    @Test
    void aCalmBuyerIsNotFlagged() {
        assertThat(reasons(buyer())).isEmpty();
    }

    // OVERDUE: purchase_days >= 3 and recency_days * (purchase_days - 1) > 2 * (last - first)

    @Test
    void overdueWhenRecencyExceedsTwiceTheMeanInterval() {
        // three purchase days over 40 days: mean interval 20; 41 days since is more than 2 x 20
        assertThat(reasons(buyer().orders(41, 3, 40))).containsExactly(ChurnReason.OVERDUE);
    }

    @Test
    void exactlyTwiceTheMeanIntervalIsNotOverdue() {
        assertThat(reasons(buyer().orders(40, 3, 40))).isEmpty();
    }

    @Test
    void twoPurchaseDaysAreNeverOverdue() {
        // one interval of 10 days, 190 days since: overdue by any measure, but two dates are too few
        assertThat(reasons(buyer().orders(190, 2, 10))).isEmpty();
    }

    @Test
    void threePurchaseDaysAreEnough() {
        assertThat(reasons(buyer().orders(190, 3, 10))).containsExactly(ChurnReason.OVERDUE);
    }

    @Test
    void overdueComparesWithoutRoundingTheMeanIntervalDown() {
        // 4 purchase days over 11 days: mean 3.67, twice that 7.33; 7 days since is not overdue
        // (rounding the mean down to 3 would flag it: 7 > 6)
        assertThat(reasons(buyer().orders(7, 4, 11))).isEmpty();
        assertThat(reasons(buyer().orders(8, 4, 11))).containsExactly(ChurnReason.OVERDUE);
    }

    @Test
    void overdueComparesWithoutRoundingTheMeanIntervalUp() {
        // 3 purchase days over 7 days: mean 3.5, twice that 7; 8 days since is overdue
        // (rounding the mean half up to 4 would miss it: 8 > 8 is false)
        assertThat(reasons(buyer().orders(8, 3, 7))).containsExactly(ChurnReason.OVERDUE);
        assertThat(reasons(buyer().orders(7, 3, 7))).isEmpty();
    }

    // DECLINING: orders in (D-90, D] < 0.5 x orders in (D-180, D-90], with at least 2 in the latter

    @Test
    void decliningWhenRecentOrdersFallBelowHalfOfThePriorOnes() {
        assertThat(reasons(buyer().windows(1, 4))).containsExactly(ChurnReason.DECLINING);
        assertThat(reasons(buyer().windows(0, 2))).containsExactly(ChurnReason.DECLINING);
        assertThat(reasons(buyer().windows(1, 3))).containsExactly(ChurnReason.DECLINING);
    }

    @Test
    void exactlyHalfIsNotDeclining() {
        assertThat(reasons(buyer().windows(2, 4))).isEmpty();
        assertThat(reasons(buyer().windows(1, 2))).isEmpty();
    }

    @Test
    void onePriorOrderIsNeverDeclining() {
        assertThat(reasons(buyer().windows(0, 1))).isEmpty();
    }

    // UNHAPPY: last_satisfaction <= 2 and last_survey_date in (D-180, D]

    @Test
    void unhappyAfterALowSurveyWithinOneHundredEightyDays() {
        assertThat(reasons(buyer().survey(2, D.minusDays(179)))).containsExactly(ChurnReason.UNHAPPY);
        assertThat(reasons(buyer().survey(1, D))).containsExactly(ChurnReason.UNHAPPY);
    }

    @Test
    void aSurveyExactlyOneHundredEightyDaysAgoIsTooOld() {
        assertThat(reasons(buyer().survey(1, D.minusDays(180)))).isEmpty();
    }

    @Test
    void satisfactionThreeIsNotUnhappy() {
        assertThat(reasons(buyer().survey(3, D.minusDays(1)))).isEmpty();
    }

    @Test
    void noSurveyIsNotUnhappy() {
        assertThat(rules.unhappy(buyer().measures(), D)).isFalse();
    }

    @Test
    void unhappyTestAlsoAppliesOutsideTheChurnStagesForServiceRecovery() {
        CustomerMeasures m = buyer().orders(200, 3, 10).survey(1, D.minusDays(3)).measures();
        assertThat(rules.reasonsFor(m, LifecycleStage.DORMANT, D)).isEmpty();
        assertThat(rules.unhappy(m, D)).isTrue();
    }

    // who can be flagged

    @ParameterizedTest
    @EnumSource(value = LifecycleStage.class, names = {"NEW", "ACTIVE", "LOYAL"})
    void newActiveAndLoyalCustomersAreFlagged(LifecycleStage stage) {
        assertThat(rules.reasonsFor(buyer().orders(41, 3, 40).measures(), stage, D)).containsExactly(ChurnReason.OVERDUE);
    }

    @ParameterizedTest
    @EnumSource(value = LifecycleStage.class, names = {"POTENTIAL", "DORMANT", "CHURNED"})
    void otherStagesGetNoReasonsEvenWhenARuleHolds(LifecycleStage stage) {
        CustomerMeasures all = buyer().orders(95, 3, 40).windows(0, 4).survey(1, D.minusDays(2)).measures();
        assertThat(rules.reasonsFor(all, stage, D)).isEmpty();
    }

    @Test
    void severalReasonsTogetherInOutputOrder() {
        CustomerMeasures all = buyer().orders(85, 3, 40).windows(0, 4).survey(1, D.minusDays(2)).measures();
        assertThat(rules.reasonsFor(all, LifecycleStage.LOYAL, D))
                .containsExactly(ChurnReason.OVERDUE, ChurnReason.DECLINING, ChurnReason.UNHAPPY);
        CustomerMeasures two = buyer().orders(85, 3, 40).survey(2, D.minusDays(2)).measures();
        assertThat(rules.reasonsFor(two, LifecycleStage.ACTIVE, D))
                .containsExactly(ChurnReason.OVERDUE, ChurnReason.UNHAPPY);
    }

    @Test
    void badThresholdsAreRefused() {
        assertThatThrownBy(() -> new ChurnRules(1, new BigDecimal("2"), 90, 2, new BigDecimal("0.5"), 2, 180))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overdue-min-purchase-days");
        assertThatThrownBy(() -> new ChurnRules(3, new BigDecimal("2"), 90, 2, new BigDecimal("1.5"), 2, 180))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declining-max-share");
        assertThatThrownBy(() -> new ChurnRules(3, new BigDecimal("2"), 90, 2, new BigDecimal("0.5"), 6, 180))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unhappy-max-satisfaction");
    }
}

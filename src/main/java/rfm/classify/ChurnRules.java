package rfm.classify;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import rfm.measure.CustomerMeasures;

/**
 * SPEC's churn-risk rules, for NEW, ACTIVE and LOYAL customers only.
 *
 * @param overdueMinPurchaseDays OVERDUE needs at least this many distinct purchase dates
 * @param overdueIntervalMultiple OVERDUE when recency exceeds this many mean inter-purchase intervals
 * @param decliningWindowDays DECLINING compares orders in (D-w, D] with orders in (D-2w, D-w]
 * @param decliningMinPriorOrders DECLINING needs at least this many orders in the earlier window
 * @param decliningMaxShare DECLINING when recent orders are fewer than this share of the earlier ones
 * @param unhappyMaxSatisfaction UNHAPPY when the last survey scored this or less...
 * @param unhappyWithinDays ...and was taken in (D-days, D]
 */
public record ChurnRules(int overdueMinPurchaseDays, BigDecimal overdueIntervalMultiple,
                         int decliningWindowDays, int decliningMinPriorOrders, BigDecimal decliningMaxShare,
                         int unhappyMaxSatisfaction, int unhappyWithinDays) {

    public ChurnRules {
        if (overdueMinPurchaseDays < 2) {
            throw new IllegalArgumentException("overdue-min-purchase-days must be at least 2 (an interval needs two dates)");
        }
        if (overdueIntervalMultiple == null || overdueIntervalMultiple.signum() <= 0) {
            throw new IllegalArgumentException("overdue-interval-multiple must be above 0");
        }
        if (decliningWindowDays < 1 || decliningMinPriorOrders < 1) {
            throw new IllegalArgumentException("declining-window-days and declining-min-prior-orders must be at least 1");
        }
        if (decliningMaxShare == null || decliningMaxShare.signum() <= 0 || decliningMaxShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("declining-max-share must be in (0, 1]");
        }
        if (unhappyMaxSatisfaction < 1 || unhappyMaxSatisfaction > 5 || unhappyWithinDays < 1) {
            throw new IllegalArgumentException("unhappy-max-satisfaction must be 1..5 and unhappy-within-days at least 1");
        }
    }

    /** The customer's churn reasons, in their enum's order (a set shared with other customers: unmodifiable). */
    public Set<ChurnReason> reasonsFor(CustomerMeasures m, LifecycleStage stage, LocalDate asOf) {
        if (!stage.canChurn()) {
            return ChurnReason.setOf(0);
        }
        int bits = 0;
        if (overdue(m)) {
            bits |= ChurnReason.bit(ChurnReason.OVERDUE);
        }
        if (declining(m)) {
            bits |= ChurnReason.bit(ChurnReason.DECLINING);
        }
        if (unhappy(m, asOf)) {
            bits |= ChurnReason.bit(ChurnReason.UNHAPPY);
        }
        return ChurnReason.setOf(bits);
    }

    /** recency * (purchase_days - 1) > multiple * (last - first): the mean interval, compared without rounding. */
    boolean overdue(CustomerMeasures m) {
        if (m.purchaseDays() < overdueMinPurchaseDays) {
            return false;
        }
        long span = ChronoUnit.DAYS.between(m.firstOrderDate(), m.lastOrderDate());
        BigDecimal left = BigDecimal.valueOf((long) m.recencyDays() * (m.purchaseDays() - 1));
        return left.compareTo(overdueIntervalMultiple.multiply(BigDecimal.valueOf(span))) > 0;
    }

    boolean declining(CustomerMeasures m) {
        return m.ordersPrior() >= decliningMinPriorOrders
                && BigDecimal.valueOf(m.ordersRecent()).compareTo(decliningMaxShare.multiply(BigDecimal.valueOf(m.ordersPrior()))) < 0;
    }

    /** Applies to prospects and dormant customers too: SERVICE_RECOVERY revisits use the same test. */
    public boolean unhappy(CustomerMeasures m, LocalDate asOf) {
        return m.lastSatisfaction() != null && m.lastSatisfaction() <= unhappyMaxSatisfaction
                && m.lastSurveyDate().isAfter(asOf.minusDays(unhappyWithinDays));
    }
}

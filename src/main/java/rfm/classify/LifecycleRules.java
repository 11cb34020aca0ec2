package rfm.classify;

import rfm.measure.CustomerMeasures;

/**
 * Thresholds of SPEC's lifecycle stages, in days and orders; first match wins:
 * POTENTIAL (no counted order), CHURNED, DORMANT, NEW, LOYAL, else ACTIVE.
 */
public record LifecycleRules(int churnedAfterDays, int dormantAfterDays, int newWithinDays,
                             int loyalMinFrequency, int loyalMinTenureDays) {

    public LifecycleRules {
        if (dormantAfterDays < 1 || churnedAfterDays <= dormantAfterDays) {
            throw new IllegalArgumentException("need 1 <= dormant-after-days < churned-after-days, got "
                    + dormantAfterDays + " and " + churnedAfterDays);
        }
        if (newWithinDays < 0 || loyalMinFrequency < 1 || loyalMinTenureDays < 0) {
            throw new IllegalArgumentException("new-within-days, loyal-min-frequency and loyal-min-tenure-days must not be negative"
                    + " (loyal-min-frequency at least 1)");
        }
    }

    public LifecycleStage stageOf(CustomerMeasures m) {
        if (!m.buyer()) {
            return LifecycleStage.POTENTIAL;
        }
        if (m.recencyDays() > churnedAfterDays) {
            return LifecycleStage.CHURNED;
        }
        if (m.recencyDays() > dormantAfterDays) {
            return LifecycleStage.DORMANT;
        }
        if (m.tenureDays() <= newWithinDays) {
            return LifecycleStage.NEW;
        }
        if (m.frequency() >= loyalMinFrequency && m.tenureDays() >= loyalMinTenureDays) {
            return LifecycleStage.LOYAL;
        }
        return LifecycleStage.ACTIVE;
    }
}

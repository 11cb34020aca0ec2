package rfm.measure;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A customer's interactions so far, kept by the thread that reads interactions: counts and last days, dates as
 * epoch days or seconds. No interaction rows are kept.
 */
final class InteractionTally {

    /** A customer with no interaction rows. Never added to. */
    static final InteractionTally NONE = new InteractionTally(null);

    static final int NO_DAY = Integer.MIN_VALUE;

    /** Null for almost every customer. */
    final CustomerWatch watch;

    int interactionsInWindow;
    int lastOutDay = NO_DAY;
    int lastInDay = NO_DAY;
    long lastSurveyAt = Long.MIN_VALUE;
    int lastSatisfaction;
    private int[] needCounts;

    InteractionTally(CustomerWatch watch) {
        this.watch = watch;
    }

    void addInteraction(int day, LocalDateTime at, boolean outbound, Integer satisfaction, boolean survey,
                        NeedCategory need, int asOfDay, MeasureSettings s) {
        if (day > asOfDay - s.interactionWindowDays()) {
            interactionsInWindow++;
        }
        if (outbound) {
            lastOutDay = Math.max(lastOutDay, day);
        } else {
            lastInDay = Math.max(lastInDay, day);
        }
        if (survey && satisfaction != null) {
            long seconds = at.toEpochSecond(ZoneOffset.UTC);
            if (seconds >= lastSurveyAt) { // ">=": on an exact tie the later row in the file wins
                lastSurveyAt = seconds;
                lastSatisfaction = satisfaction;
            }
        }
        if (need != null && day > asOfDay - s.needWindowDays()) {
            if (needCounts == null) {
                needCounts = new int[NeedCategory.values().length];
            }
            needCounts[need.ordinal()]++;
        }
    }

    NeedCategory topNeed() {
        if (needCounts == null) {
            return null;
        }
        NeedCategory best = null;
        int bestCount = 0;
        for (NeedCategory c : NeedCategory.values()) { // strict ">" keeps the earlier category on a tie
            if (needCounts[c.ordinal()] > bestCount) {
                best = c;
                bestCount = needCounts[c.ordinal()];
            }
        }
        return best;
    }
}

package rfm.revisit;

import java.time.LocalDate;
import java.util.List;

import rfm.classify.LifecycleStage;
import rfm.classify.ScoredCustomer;
import rfm.measure.CustomerMeasures;

import static rfm.measure.CustomerMeasures.NONE;

/**
 * When a revisit rule applies: every condition that is set must hold (unset ones are ignored), and when
 * {@code anyOf} is given, at least one of its groups must hold too. "Contact" is an OUT interaction.
 *
 * @param stages the lifecycle stage is one of these
 * @param valueTiers the value tier is one of these (prospects have none)
 * @param segments the segment is one of these
 * @param churnRisk the churn-risk flag equals this
 * @param maxSatisfaction the last survey scored at most this ...
 * @param surveyWithinDays ... and was taken in (D-days, D]
 * @param noContactWithinDays no contact in (D-days, D]
 * @param noContactSinceFirstOrder no contact on or after the first order date
 * @param firstOrderAtLeastDaysAgo the first counted order is on or before D-days
 * @param inboundWithinDays an IN interaction in (D-days, D]
 */
public record TaskCondition(List<LifecycleStage> stages, List<String> valueTiers, List<String> segments,
                            Boolean churnRisk, Integer maxSatisfaction, Integer surveyWithinDays,
                            Integer noContactWithinDays, Boolean noContactSinceFirstOrder,
                            Integer firstOrderAtLeastDaysAgo, Integer inboundWithinDays, List<TaskCondition> anyOf) {

    public TaskCondition {
        if ((maxSatisfaction == null) != (surveyWithinDays == null)) {
            throw new IllegalArgumentException("max-satisfaction and survey-within-days go together");
        }
        for (Integer days : new Integer[] {surveyWithinDays, noContactWithinDays, firstOrderAtLeastDaysAgo, inboundWithinDays}) {
            if (days != null && days < 0) {
                throw new IllegalArgumentException("day counts in conditions must not be negative, got " + days);
            }
        }
        stages = stages == null ? null : List.copyOf(stages);
        valueTiers = valueTiers == null ? null : List.copyOf(valueTiers);
        segments = segments == null ? null : List.copyOf(segments);
        anyOf = anyOf == null ? null : List.copyOf(anyOf);
    }

    public boolean holds(ScoredCustomer c, LocalDate asOf) {
        return holds(c, asOf.toEpochDay());
    }

    /**
     * As {@link #holds(ScoredCustomer, LocalDate)}, the as-of date as an epoch day: the customer's dates are compared
     * as the epoch days they are kept as, with no date object made per customer and rule (a million customers, eight
     * rules a night).
     */
    boolean holds(ScoredCustomer c, long asOf) {
        CustomerMeasures m = c.measures();
        int contact = m.lastContactDay();
        int first = m.firstOrderDay();
        return (stages == null || stages.contains(c.stage()))
                && (valueTiers == null || (c.valueTier() != null && valueTiers.contains(c.valueTier().code())))
                && (segments == null || segments.contains(c.segment().code()))
                && (churnRisk == null || churnRisk == c.churnRisk())
                && (maxSatisfaction == null || (m.lastSatisfactionOrNone() != NONE && m.lastSatisfactionOrNone() <= maxSatisfaction
                        && m.lastSurveyDay() != NONE && m.lastSurveyDay() > asOf - surveyWithinDays))
                && (noContactWithinDays == null || contact == NONE || contact <= asOf - noContactWithinDays)
                && (noContactSinceFirstOrder == null || noContactSinceFirstOrder == (first != NONE
                        && (contact == NONE || contact < first)))
                && (firstOrderAtLeastDaysAgo == null || (first != NONE && first <= asOf - firstOrderAtLeastDaysAgo))
                && (inboundWithinDays == null || (m.lastInboundDay() != NONE
                        && m.lastInboundDay() > asOf - inboundWithinDays))
                && (anyOf == null || anyOfHolds(c, asOf));
    }

    private boolean anyOfHolds(ScoredCustomer c, long asOf) {
        for (TaskCondition group : anyOf) {
            if (group.holds(c, asOf)) {
                return true;
            }
        }
        return false;
    }

    /** Value tiers and segments named anywhere in this condition, to check against the job file's lists. */
    List<String> namedTiers() {
        return collect(true);
    }

    List<String> namedSegments() {
        return collect(false);
    }

    private List<String> collect(boolean tiers) {
        java.util.List<String> names = new java.util.ArrayList<>();
        List<String> own = tiers ? valueTiers : segments;
        if (own != null) {
            names.addAll(own);
        }
        if (anyOf != null) {
            anyOf.forEach(group -> names.addAll(group.collect(tiers)));
        }
        return names;
    }
}

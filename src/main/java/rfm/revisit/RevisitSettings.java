package rfm.revisit;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import rfm.measure.NeedCategory;

/**
 * The revisit planner's settings from the job file.
 *
 * @param cooldownDays no task for a customer contacted (OUT) in (D-days, D]
 * @param unassignedOwner the queue for customers without an owner
 * @param horizonDays overflow never moves a task past D + days
 * @param effectivenessWindowDays a task's follow-up window closes this many days after its due date (see {@link RevisitOutcome})
 */
public record RevisitSettings(Integer cooldownDays, String unassignedOwner, Integer horizonDays, Capacity capacity,
                              Map<NeedCategory, NeedAction> needActions, List<RevisitRule> rules,
                              Integer effectivenessWindowDays) {

    public RevisitSettings {
        if (cooldownDays == null || cooldownDays < 0 || horizonDays == null || horizonDays < 0) {
            throw new IllegalArgumentException("cooldown-days and horizon-days must not be negative");
        }
        if (unassignedOwner == null || unassignedOwner.isBlank()) {
            throw new IllegalArgumentException("unassigned-owner must name the queue for customers without an owner");
        }
        if (effectivenessWindowDays == null || effectivenessWindowDays < 1) {
            throw new IllegalArgumentException("effectiveness-window-days must be at least 1");
        }
        if (capacity == null) {
            throw new IllegalArgumentException("capacity is required");
        }
        unassignedOwner = unassignedOwner.strip();
        needActions = needActions == null ? Map.of() : Map.copyOf(needActions);
        rules = rules == null ? List.of() : List.copyOf(rules);
        Set<String> reasons = new HashSet<>();
        for (RevisitRule rule : rules) {
            if (!reasons.add(rule.reason())) {
                throw new IllegalArgumentException("rule " + rule.reason() + " is listed twice");
            }
            if (rule.enabled() && rule.dueDays() > horizonDays) {
                throw new IllegalArgumentException("rule " + rule.reason() + " is due in " + rule.dueDays()
                        + " days, past horizon-days " + horizonDays + ": none of its tasks could ever be scheduled");
            }
        }
    }

    /** Names of value tiers and segments that the rules' conditions use. */
    public Set<String> namedTiers() {
        Set<String> names = new HashSet<>();
        rules.forEach(r -> names.addAll(r.when().namedTiers()));
        return names;
    }

    public Set<String> namedSegments() {
        Set<String> names = new HashSet<>();
        rules.forEach(r -> names.addAll(r.when().namedSegments()));
        return names;
    }
}

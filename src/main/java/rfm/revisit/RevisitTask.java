package rfm.revisit;

import java.time.LocalDate;

import rfm.classify.ScoredCustomer;

/**
 * One revisit task: who, by when, how and why. {@code dueDate} is null for a task that did not fit in the
 * owner's capacity before the horizon; {@code intendedDue} is the rule's due date before any overflow.
 */
public record RevisitTask(String taskId, ScoredCustomer customer, String owner, RevisitRule rule, int ruleIndex,
                          LocalDate intendedDue, LocalDate dueDate, String channel, String actionZh, String actionEn) {

    public String reason() {
        return rule.reason();
    }

    public int priority() {
        return rule.priority();
    }

    public String customerId() {
        return customer.customerId();
    }

    RevisitTask scheduledOn(LocalDate day) {
        return new RevisitTask(taskId, customer, owner, rule, ruleIndex, intendedDue, day, channel, actionZh, actionEn);
    }
}

package rfm.revisit;

import java.time.LocalDate;
import java.util.HexFormat;

import rfm.classify.ScoredCustomer;

/**
 * One revisit task: who, by when, how and why. {@code dueDate} is null for a task that did not fit in the
 * owner's capacity before the horizon; {@code intendedDue} is the rule's due date before any overflow.
 * {@code idBits} are the 64 bits its {@link #taskId()} shows in hex (half a million tasks at large keep a long
 * each instead of a string each). {@code placeById} is the customer's place among the customers of the plan that made
 * the task, by id (as {@link String#compareTo} orders the ids), or -1 when the task was made outside a plan: the
 * planner's sorts break ties by it instead of comparing the ids.
 */
public record RevisitTask(long idBits, ScoredCustomer customer, int placeById, String owner, RevisitRule rule, int ruleIndex,
                          LocalDate intendedDue, LocalDate dueDate, String channel, String actionZh, String actionEn) {

    /** The stable task id: "T" and 16 hex digits. */
    public String taskId() {
        return "T".concat(HEX.toHexDigits(idBits)); // concat, not +: no string concatenation's method handles per task
    }

    private static final HexFormat HEX = HexFormat.of();

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
        return new RevisitTask(idBits, customer, placeById, owner, rule, ruleIndex, intendedDue, day, channel, actionZh, actionEn);
    }
}

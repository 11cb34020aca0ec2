package rfm.revisit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

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
        // as "T" + HexFormat.of().toHexDigits(idBits), without the string concatenation's method handles
        byte[] id = new byte[17];
        id[0] = 'T';
        for (int i = 16; i > 0; i--) {
            id[i] = (byte) HEX_DIGITS[(int) (idBits >>> (4 * (16 - i))) & 0xF];
        }
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

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

package rfm.revisit;

import java.time.LocalDate;

/**
 * A revisit task as the history keeps it once it was issued (scheduled on a due date).
 *
 * @param issuedOn the as-of date of the run that issued it
 */
public record IssuedTask(String taskId, LocalDate issuedOn, String customerId, String reason, String channel,
                         String owner, int priority, LocalDate dueDate) {

    public static IssuedTask of(RevisitTask task, LocalDate asOf) {
        if (task.dueDate() == null) {
            throw new IllegalArgumentException("task " + task.taskId() + " was not scheduled, so it was not issued");
        }
        return new IssuedTask(task.taskId(), asOf, task.customerId(), task.reason(), task.channel(), task.owner(),
                task.priority(), task.dueDate());
    }

    /** The last day a response still counts for this task: {@code windowDays} after its due date. */
    public LocalDate followUpEnds(int windowDays) {
        return dueDate.plusDays(windowDays);
    }

    /** Whether the follow-up window has passed by the as-of date, so what came of the task is final. */
    public boolean followUpClosedBy(LocalDate asOf, int windowDays) {
        return !followUpEnds(windowDays).isAfter(asOf);
    }
}

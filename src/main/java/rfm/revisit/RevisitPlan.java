package rfm.revisit;

import java.util.List;

/** The planner's result: tasks with a due date (ordered by due date, priority, owner, customer) and those that did not fit. */
public record RevisitPlan(List<RevisitTask> scheduled, List<RevisitTask> unscheduled) {

    public RevisitPlan {
        scheduled = List.copyOf(scheduled);
        unscheduled = List.copyOf(unscheduled);
    }
}

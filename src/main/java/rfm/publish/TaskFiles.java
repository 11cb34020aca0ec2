package rfm.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import rfm.classify.ScoredCustomer;
import rfm.ingest.CustomerProfile;
import rfm.measure.CustomerMeasures;
import rfm.revisit.RevisitPlan;
import rfm.revisit.RevisitTask;

import static rfm.measure.CustomerMeasures.NONE;

/** Writes the revisit task lists: revisit_tasks.csv, revisit_unscheduled.csv and one tasks/<owner>.csv per owner. */
public final class TaskFiles {

    public static final List<String> COLUMNS = List.of("task_id", "customer_id", "name", "phone", "email", "owner",
            "reason", "priority", "due_date", "channel", "suggested_action", "suggested_action_en", "lifecycle_stage",
            "segment", "value_tier", "last_order_date", "last_contact_date", "last_satisfaction", "churn_risk_reasons",
            "need_category");

    private TaskFiles() {
    }

    /** Writes the files into {@code folder}; returns rows per file, by path relative to the folder. */
    public static Map<String, Long> write(Path folder, RevisitPlan plan, boolean bom) {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("revisit_tasks.csv", write(folder.resolve("revisit_tasks.csv"), plan.scheduled(), bom));
        rows.put("revisit_unscheduled.csv", write(folder.resolve("revisit_unscheduled.csv"), plan.unscheduled(), bom));
        Map<String, List<RevisitTask>> byOwner = new LinkedHashMap<>();
        plan.scheduled().stream().map(RevisitTask::owner).sorted().distinct()
                .forEach(owner -> byOwner.put(owner, new ArrayList<>()));
        plan.scheduled().forEach(t -> byOwner.get(t.owner()).add(t));
        OwnerFileNames names = new OwnerFileNames();
        byOwner.forEach((owner, tasks) -> {
            String file = "tasks/" + names.of(owner) + ".csv";
            rows.put(file, write(folder.resolve(file), tasks, bom));
        });
        return rows;
    }

    private static long write(Path file, List<RevisitTask> tasks, boolean bom) {
        try (CsvOutput out = CsvOutput.create(file, COLUMNS, bom, true)) {
            for (RevisitTask t : tasks) {
                ScoredCustomer c = t.customer();
                CustomerProfile p = c.profile();
                CustomerMeasures m = c.measures();
                out.text(t.taskId()).text(c.customerId()).text(p.nameUtf8()).text(p.phoneUtf8()).text(p.emailUtf8())
                        .text(t.owner()).text(t.reason()).number(t.priority())
                        .date(t.dueDate() != null ? t.dueDate() : t.intendedDue()).text(t.channel()).text(t.actionZh())
                        .text(t.actionEn()).text(c.stage().name()).text(c.segment().code())
                        .text(c.valueTier() == null ? null : c.valueTier().code()).epochDay(m.lastOrderDay(), NONE)
                        .epochDay(m.lastContactDay(), NONE).number(m.lastSatisfactionOrNone(), NONE)
                        .text(CustomerFiles.reasons(c)).text(m.needCategory() == null ? null : m.needCategory().name())
                        .endRow();
            }
            return out.rows();
        }
    }
}

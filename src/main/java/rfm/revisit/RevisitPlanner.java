package rfm.revisit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;

import rfm.classify.ScoredCustomer;
import rfm.ingest.CustomerProfile;
import rfm.measure.NeedCategory;

/**
 * Plans the revisit tasks of a run: at most one per customer (lowest priority number wins, ties by table
 * order), none for opted-out customers, customers whose customers.csv row was rejected, or within the contact
 * cooldown, then spreads each owner's tasks over
 * the days so no day holds more than the owner's capacity, most urgent first.
 */
public final class RevisitPlanner {

    /** Order of the task list: due date, priority, owner, customer. */
    public static final Comparator<RevisitTask> LIST_ORDER = Comparator
            .comparing((RevisitTask t) -> t.dueDate() != null ? t.dueDate() : t.intendedDue())
            .thenComparingInt(RevisitTask::priority)
            .thenComparing(RevisitTask::owner)
            .thenComparing(RevisitTask::customerId);

    /** Who gets a day's slot first: priority, then the rule's own due date, table order, customer. */
    private static final Comparator<RevisitTask> URGENCY = Comparator
            .comparingInt(RevisitTask::priority)
            .thenComparing(RevisitTask::intendedDue)
            .thenComparingInt(RevisitTask::ruleIndex)
            .thenComparing(RevisitTask::customerId);

    /** Channels staff can use; any other preferred_channel value in the data is passed over. */
    public static final java.util.Set<String> KNOWN_CHANNELS = java.util.Set.of("PHONE", "EMAIL", "DM", "VISIT", "WECHAT",
            "SMS", "WHATSAPP", "LINE", "MAIL");

    private final RevisitSettings settings;
    private final LocalDate asOf;

    public RevisitPlanner(RevisitSettings settings, LocalDate asOf) {
        this.settings = settings;
        this.asOf = asOf;
    }

    public RevisitPlan plan(List<ScoredCustomer> customers) {
        Map<String, List<RevisitTask>> byOwner = new LinkedHashMap<>();
        for (ScoredCustomer c : customers) {
            RevisitTask task = taskFor(c);
            if (task != null) {
                byOwner.computeIfAbsent(task.owner(), k -> new ArrayList<>()).add(task);
            }
        }
        List<RevisitTask> scheduled = new ArrayList<>();
        List<RevisitTask> unscheduled = new ArrayList<>();
        LocalDate horizon = asOf.plusDays(settings.horizonDays());
        byOwner.forEach((owner, tasks) -> {
            int capacity = settings.capacity().perDay(owner);
            Map<LocalDate, Integer> load = new HashMap<>();
            tasks.sort(URGENCY);
            for (RevisitTask task : tasks) {
                LocalDate day = task.intendedDue();
                while (!day.isAfter(horizon) && load.getOrDefault(day, 0) >= capacity) {
                    day = day.plusDays(1);
                }
                if (day.isAfter(horizon)) {
                    unscheduled.add(task);
                } else {
                    load.merge(day, 1, Integer::sum);
                    scheduled.add(task.scheduledOn(day));
                }
            }
        });
        scheduled.sort(LIST_ORDER);
        unscheduled.sort(LIST_ORDER);
        return new RevisitPlan(scheduled, unscheduled);
    }

    /** The one task a customer gets this run, or null. */
    RevisitTask taskFor(ScoredCustomer c) {
        CustomerProfile p = c.profile();
        if (p.optOut() || p.rejected() || inCooldown(c)) {
            return null;
        }
        RevisitRule winner = null;
        int winnerIndex = -1;
        List<RevisitRule> rules = settings.rules();
        for (int i = 0; i < rules.size(); i++) {
            RevisitRule rule = rules.get(i);
            if (rule.enabled() && (winner == null || rule.priority() < winner.priority()) && rule.when().holds(c, asOf)) {
                winner = rule;
                winnerIndex = i;
            }
        }
        if (winner == null) {
            return null;
        }
        String owner = p.owner().isEmpty() ? settings.unassignedOwner() : p.owner();
        LocalDate due = asOf.plusDays(winner.dueDays());
        String zh = winner.actionZh();
        String en = winner.actionEn();
        NeedCategory need = c.measures().needCategory();
        NeedAction focus = need == null ? null : settings.needActions().get(need);
        if (focus != null) {
            zh = zh + "；" + focus.zh();
            en = en + "; " + focus.en();
        }
        return new RevisitTask(taskId(c.customerId(), winner.reason()), c, owner, winner, winnerIndex, due, null,
                channel(winner, p), zh, en);
    }

    private boolean inCooldown(ScoredCustomer c) {
        LocalDate contact = c.measures().lastContactDate();
        return contact != null && contact.isAfter(asOf.minusDays(settings.cooldownDays()));
    }

    static String channel(RevisitRule rule, CustomerProfile p) {
        List<String> candidates = rule.channels();
        for (int i = 0; i < candidates.size() - 1; i++) {
            String ch = candidates.get(i);
            switch (ch) {
                case RevisitRule.PREFERRED -> {
                    if (KNOWN_CHANNELS.contains(p.preferredChannel())) {
                        return p.preferredChannel();
                    }
                }
                case "EMAIL" -> {
                    if (!p.email().isEmpty()) {
                        return ch;
                    }
                }
                case "PHONE" -> {
                    if (!p.phone().isEmpty()) {
                        return ch;
                    }
                }
                default -> {
                    return ch;
                }
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    /** Stable: the same customer, reason and as-of date always give the same id. */
    String taskId(String customerId, String reason) {
        return "T" + DigestUtils.sha256Hex(asOf + "|" + customerId + "|" + reason).substring(0, 16);
    }
}

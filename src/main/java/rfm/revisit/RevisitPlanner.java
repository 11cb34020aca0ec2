package rfm.revisit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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

    /** Channels staff can use; any other preferred_channel value in the data is passed over. */
    public static final java.util.Set<String> KNOWN_CHANNELS = java.util.Set.of("PHONE", "EMAIL", "DM", "VISIT", "WECHAT",
            "SMS", "WHATSAPP", "LINE", "MAIL");

    private final RevisitSettings settings;
    private final LocalDate asOf;
    private final byte[] asOfBar;
    private final MessageDigest sha256 = DigestUtils.getSha256Digest();
    /**
     * The suggested actions (Chinese, English) per rule and need category (none first), made once: every task of
     * a rule and need shares the same two strings, instead of two new ones per task (half a million tasks at
     * large, each written to a task file, whose writer encodes a string it has just seen only once).
     */
    private final String[][][] actions;
    /** Per rule, the date its tasks are due: one object shared by all of them (half a million at large). */
    private final LocalDate[] dueDates;

    public RevisitPlanner(RevisitSettings settings, LocalDate asOf) {
        this.settings = settings;
        this.asOf = asOf;
        this.asOfBar = (asOf + "|").getBytes(StandardCharsets.UTF_8);
        this.actions = new String[settings.rules().size()][NeedCategory.values().length + 1][];
        this.dueDates = settings.rules().stream().map(rule -> asOf.plusDays(rule.dueDays())).toArray(LocalDate[]::new);
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
        long first = asOf.toEpochDay();
        int horizon = settings.horizonDays(); // days after the as-of date
        byOwner.forEach((owner, tasks) -> {
            int capacity = settings.capacity().perDay(owner);
            int[] load = new int[horizon + 1]; // tasks per day, from the as-of date to the horizon
            int allFullBefore = 0; // every day before this one is full
            sortByUrgency(tasks);
            for (RevisitTask task : tasks) {
                int day = Math.max((int) (task.intendedDue().toEpochDay() - first), allFullBefore);
                while (day <= horizon && load[day] >= capacity) {
                    day++;
                }
                if (day > horizon) {
                    unscheduled.add(task);
                } else {
                    load[day]++;
                    while (allFullBefore <= horizon && load[allFullBefore] >= capacity) {
                        allFullBefore++;
                    }
                    scheduled.add(task.scheduledOn(asOf.plusDays(day)));
                }
            }
        });
        sortInListOrder(scheduled);
        sortInListOrder(unscheduled);
        return new RevisitPlan(scheduled, unscheduled);
    }

    /**
     * A task with its sort keys copied out once. Sorting half a million tasks with a comparator on the tasks
     * reached each key through the task, and the customer id through the customer and its measures, on every
     * comparison; these sorts give the same order (the keys end with the customer id, and a customer has at most
     * one task).
     */
    private record Keyed(RevisitTask task, long day, int priority, int ruleIndex, String owner, String customerId) {
    }

    private static final Comparator<Keyed> KEYED_LIST_ORDER = (a, b) -> {
        int c = Long.compare(a.day, b.day);
        if (c == 0) {
            c = Integer.compare(a.priority, b.priority);
        }
        if (c == 0) {
            c = a.owner.compareTo(b.owner);
        }
        return c != 0 ? c : a.customerId.compareTo(b.customerId);
    };

    /** Who gets a day's slot first: priority, then the rule's own due date, table order, customer. */
    private static final Comparator<Keyed> KEYED_URGENCY = (a, b) -> {
        int c = Integer.compare(a.priority, b.priority);
        if (c == 0) {
            c = Long.compare(a.day, b.day);
        }
        if (c == 0) {
            c = Integer.compare(a.ruleIndex, b.ruleIndex);
        }
        return c != 0 ? c : a.customerId.compareTo(b.customerId);
    };

    /** Sorts as {@code tasks.sort(LIST_ORDER)}. */
    static void sortInListOrder(List<RevisitTask> tasks) {
        sortKeyed(tasks, true);
    }

    /** Sorts by urgency ({@link #KEYED_URGENCY}). */
    static void sortByUrgency(List<RevisitTask> tasks) {
        sortKeyed(tasks, false);
    }

    private static void sortKeyed(List<RevisitTask> tasks, boolean listOrder) {
        Keyed[] keyed = new Keyed[tasks.size()];
        for (int i = 0; i < keyed.length; i++) {
            RevisitTask t = tasks.get(i);
            LocalDate day = listOrder && t.dueDate() != null ? t.dueDate() : t.intendedDue();
            keyed[i] = new Keyed(t, day.toEpochDay(), t.priority(), t.ruleIndex(), t.owner(), t.customerId());
        }
        Arrays.sort(keyed, listOrder ? KEYED_LIST_ORDER : KEYED_URGENCY);
        for (int i = 0; i < keyed.length; i++) {
            tasks.set(i, keyed[i].task);
        }
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
        LocalDate due = dueDates[winnerIndex];
        String[] action = action(winner, winnerIndex, c.measures().needCategory());
        return new RevisitTask(taskIdBits(c.customerId(), winner.reason()), c, owner, winner, winnerIndex, due, null,
                channel(winner, p), action[0], action[1]);
    }

    /** A rule's suggested action, Chinese and English, with the need category's focus added when it has one. */
    private String[] action(RevisitRule rule, int ruleIndex, NeedCategory need) {
        String[][] ofRule = actions[ruleIndex];
        int slot = need == null ? 0 : need.ordinal() + 1;
        String[] action = ofRule[slot];
        if (action == null) {
            NeedAction focus = need == null ? null : settings.needActions().get(need);
            action = ofRule[slot] = focus == null ? new String[] {rule.actionZh(), rule.actionEn()}
                    : new String[] {rule.actionZh() + "；" + focus.zh(), rule.actionEn() + "; " + focus.en()};
        }
        return action;
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

    /**
     * A task's id ({@link RevisitTask#taskId}) as 64 bits, the first 8 bytes of the SHA-256 of
     * {@code asOf|customerId|reason}, the first highest. Stable: the same customer, reason and as-of date always
     * give the same id. One digest per planner: a planner plans on one thread.
     */
    long taskIdBits(String customerId, String reason) {
        sha256.update(asOfBar);
        sha256.update((customerId + "|" + reason).getBytes(StandardCharsets.UTF_8));
        byte[] digest = sha256.digest();
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = bits << 8 | (digest[i] & 0xFF);
        }
        return bits;
    }
}

package rfm.revisit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.apache.commons.codec.digest.DigestUtils;

import rfm.classify.ScoredCustomer;
import rfm.ingest.CustomerProfile;
import rfm.measure.CustomerMeasures;
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

    /** Urgency as a comparator: priority, the rule's own due date, table order, customer (the packed sort's fallback). */
    private static final Comparator<RevisitTask> URGENCY = Comparator.comparingInt(RevisitTask::priority)
            .thenComparing(RevisitTask::intendedDue).thenComparingInt(RevisitTask::ruleIndex)
            .thenComparing(RevisitTask::customerId);

    /** Channels staff can use; any other preferred_channel value in the data is passed over. */
    public static final java.util.Set<String> KNOWN_CHANNELS = java.util.Set.of("PHONE", "EMAIL", "DM", "VISIT", "WECHAT",
            "SMS", "WHATSAPP", "LINE", "MAIL");

    private final RevisitSettings settings;
    private final LocalDate asOf;
    private final long asOfDay;
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
        this.asOfDay = asOf.toEpochDay();
        this.asOfBar = (asOf + "|").getBytes(StandardCharsets.UTF_8);
        this.actions = new String[settings.rules().size()][NeedCategory.values().length + 1][];
        this.dueDates = settings.rules().stream().map(rule -> asOf.plusDays(rule.dueDays())).toArray(LocalDate[]::new);
    }

    public RevisitPlan plan(List<ScoredCustomer> customers) {
        Map<String, List<RevisitTask>> byOwner = new LinkedHashMap<>();
        int[] places = placesById(customers);
        for (int i = 0; i < customers.size(); i++) {
            ScoredCustomer c = customers.get(i);
            RevisitTask task = taskFor(c, places == null ? i : places[i]);
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
     * Each customer's place among the customers by id (as String.compareTo orders them; equal ids by their place in
     * the list), or null when the list is in that order already, as the job's scored customers are.
     */
    static int[] placesById(List<ScoredCustomer> customers) {
        int n = customers.size();
        boolean inOrder = true;
        for (int i = 1; i < n && inOrder; i++) {
            inOrder = customers.get(i - 1).customerId().compareTo(customers.get(i).customerId()) <= 0;
        }
        if (inOrder) {
            return null;
        }
        Integer[] byId = byId(n, i -> customers.get(i).customerId());
        int[] places = new int[n];
        for (int p = 0; p < n; p++) {
            places[byId[p]] = p;
        }
        return places;
    }

    /** The indexes 0 to n-1 in the order of the ids they name; equal ids keep their order (the sort is stable). */
    private static Integer[] byId(int n, IntFunction<String> id) {
        Integer[] byId = new Integer[n];
        for (int i = 0; i < n; i++) {
            byId[i] = i;
        }
        Arrays.sort(byId, Comparator.comparing(id::apply));
        return byId;
    }

    /** Sorts as {@code tasks.sort(LIST_ORDER)}. */
    static void sortInListOrder(List<RevisitTask> tasks) {
        sortPacked(tasks, true);
    }

    /** Sorts by urgency: priority, the rule's own due date, table order, customer. */
    static void sortByUrgency(List<RevisitTask> tasks) {
        sortPacked(tasks, false);
    }

    /**
     * Sorts half a million tasks on numbers instead of comparing them: each task's sort keys (day, priority, owner,
     * customer for the list; priority, day, rule, customer for urgency) become places among the values present,
     * packed high to low into one {@code long} whose lowest bits are the task's place by customer, and the longs
     * are sorted. The comparator's sort compared the owners' and the customers' ids as strings at every step (about
     * a second of a large night's CPU). The customer's place is the task's {@link RevisitTask#placeById}, which the
     * tasks must all have from one plan (a customer has at most one task there, so the places differ); tasks made
     * outside a plan (place -1) are placed by their ids here. A rule's index is its place in the job file's table (0
     * or more). The order is then exactly the comparators' (a test holds them to it); keys too wide for 63 bits (days
     * and priorities spread over billions) fall back to them.
     */
    private static void sortPacked(List<RevisitTask> tasks, boolean listOrder) {
        int n = tasks.size();
        if (n < 2) {
            return;
        }
        RevisitTask[] byCustomer = byCustomer(tasks);
        long minDay = Long.MAX_VALUE;
        long maxDay = Long.MIN_VALUE;
        int minPriority = Integer.MAX_VALUE;
        int maxPriority = Integer.MIN_VALUE;
        int maxRule = 0;
        Map<String, Integer> owners = new HashMap<>();
        for (RevisitTask t : byCustomer) {
            long day = day(t, listOrder);
            minDay = Math.min(minDay, day);
            maxDay = Math.max(maxDay, day);
            minPriority = Math.min(minPriority, t.priority());
            maxPriority = Math.max(maxPriority, t.priority());
            maxRule = Math.max(maxRule, t.ruleIndex());
            if (listOrder) {
                owners.putIfAbsent(t.owner(), 0);
            }
        }
        if (listOrder) {
            String[] names = owners.keySet().toArray(String[]::new);
            Arrays.sort(names);
            for (int i = 0; i < names.length; i++) {
                owners.put(names[i], i);
            }
        }
        int dayBits = bits(maxDay - minDay);
        int priorityBits = bits((long) maxPriority - minPriority);
        int thirdBits = listOrder ? bits(owners.size() - 1) : bits(maxRule);
        int customerBits = bits(n - 1);
        if (dayBits + priorityBits + thirdBits + customerBits > 63) {
            tasks.sort(listOrder ? LIST_ORDER : URGENCY);
            return;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            RevisitTask t = byCustomer[i];
            long day = day(t, listOrder) - minDay;
            long priority = (long) t.priority() - minPriority;
            long third = listOrder ? owners.get(t.owner()) : t.ruleIndex();
            long key = listOrder ? day << priorityBits | priority : priority << dayBits | day;
            keys[i] = ((key << thirdBits | third) << customerBits) | i;
        }
        Arrays.sort(keys);
        long mask = (1L << customerBits) - 1;
        for (int i = 0; i < n; i++) {
            tasks.set(i, byCustomer[(int) (keys[i] & mask)]);
        }
    }

    private static long day(RevisitTask t, boolean listOrder) {
        return (listOrder && t.dueDate() != null ? t.dueDate() : t.intendedDue()).toEpochDay();
    }

    /** Bits needed for the numbers 0 to {@code max}. */
    private static int bits(long max) {
        return max <= 0 ? 0 : Long.SIZE - Long.numberOfLeadingZeros(max);
    }

    /**
     * The tasks in the order of their customers (their places by id; equal places, which only tasks made outside a
     * plan can have, in list order): the order the sorts end with.
     */
    private static RevisitTask[] byCustomer(List<RevisitTask> tasks) {
        int n = tasks.size();
        boolean planned = true;
        for (RevisitTask t : tasks) {
            planned &= t.placeById() >= 0;
        }
        long[] places = new long[n];
        if (planned) {
            for (int i = 0; i < n; i++) {
                places[i] = (long) tasks.get(i).placeById() << 32 | i;
            }
            Arrays.sort(places);
        } else {
            Integer[] byId = byId(n, i -> tasks.get(i).customerId());
            for (int i = 0; i < n; i++) {
                places[i] = byId[i];
            }
        }
        RevisitTask[] sorted = new RevisitTask[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = tasks.get((int) places[i]);
        }
        return sorted;
    }

    /** The one task a customer gets this run, or null; made outside a plan (no place among the customers). */
    RevisitTask taskFor(ScoredCustomer c) {
        return taskFor(c, -1);
    }

    /** The one task a customer gets this run, or null; {@code placeById} is the customer's place by id in the plan. */
    RevisitTask taskFor(ScoredCustomer c, int placeById) {
        CustomerProfile p = c.profile();
        if (p.optOut() || p.rejected() || inCooldown(c)) {
            return null;
        }
        int winnerIndex = winner(c);
        if (winnerIndex < 0) {
            return null;
        }
        RevisitRule winner = settings.rules().get(winnerIndex);
        String owner = p.owner().isEmpty() ? settings.unassignedOwner() : p.owner();
        LocalDate due = dueDates[winnerIndex];
        String[] action = action(winner, winnerIndex, c.measures().needCategory());
        return new RevisitTask(taskIdBits(c.customerId(), winner.reason()), c, placeById, owner, winner, winnerIndex, due, null,
                channel(winner, p), action[0], action[1]);
    }

    /**
     * The index of the rule whose task the customer gets (the first enabled one of the highest priority whose
     * condition holds), or -1 for none. The loop over the rules is kept out of {@link #taskFor}: there it made the
     * compiler compile all of taskFor twice, by on-stack replacement at the loop and then whole, after most of a
     * medium night's customers had gone through it in C1's code (docs/performance.md, twenty-sixth pass).
     */
    private int winner(ScoredCustomer c) {
        int winnerIndex = -1;
        int winnerPriority = 0;
        List<RevisitRule> rules = settings.rules();
        for (int i = 0; i < rules.size(); i++) {
            RevisitRule rule = rules.get(i);
            if (rule.enabled() && (winnerIndex < 0 || rule.priority() < winnerPriority) && rule.when().holds(c, asOfDay)) {
                winnerIndex = i;
                winnerPriority = rule.priority();
            }
        }
        return winnerIndex;
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
        int contact = c.measures().lastContactDay();
        return contact != CustomerMeasures.NONE && contact > asOfDay - settings.cooldownDays();
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
        // the bytes of asOf|customerId|reason, without the string concatenation (method handles run per task: linked
        // at run time, they ran uncompiled for much of a night's half a million tasks)
        sha256.update(asOfBar);
        sha256.update(customerId.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '|');
        sha256.update(reason.getBytes(StandardCharsets.UTF_8));
        byte[] digest = sha256.digest();
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = bits << 8 | (digest[i] & 0xFF);
        }
        return bits;
    }
}

package rfm.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import rfm.classify.ChurnReason;
import rfm.classify.InteractionTier;
import rfm.classify.LifecycleStage;
import rfm.classify.ScoreRange;
import rfm.classify.ScoredCustomer;
import rfm.classify.SegmentRule;
import rfm.classify.ValueTier;
import rfm.config.JobFileLoader;
import rfm.ingest.CustomerProfile;
import rfm.measure.CustomerMeasures;
import rfm.measure.NeedCategory;
import rfm.score.RfmScores;

class RevisitPlannerTest {

    static final LocalDate D = LocalDate.of(2026, 11, 22);
    /** The shipped rules, so these tests read against jobs/nightly.yml as users see it. */
    static final RevisitSettings SHIPPED = JobFileLoader.load(java.nio.file.Path.of("jobs/nightly.yml")).revisit();
    static final SegmentRule SEGMENT = new SegmentRule("LOYAL", "忠诚客户", "Loyal", "", "", ScoreRange.parse("3-4"),
            ScoreRange.parse(">= 4"));

    /** A customer built up field by field; by default an ACTIVE buyer that no rule picks. */
    static final class Customer {
        String id = "C1";
        String owner = "李娜";
        String email = "";
        String phone = "13800000000";
        String preferred = "";
        boolean optOut;
        LifecycleStage stage = LifecycleStage.ACTIVE;
        String tier = "B";
        Set<ChurnReason> churn = EnumSet.noneOf(ChurnReason.class);
        LocalDate firstOrder = D.minusDays(300);
        LocalDate lastContact;
        LocalDate lastInbound;
        Integer satisfaction;
        LocalDate surveyDate;
        NeedCategory need;

        Customer id(String v) { id = v; return this; }
        Customer owner(String v) { owner = v; return this; }
        Customer email(String v) { email = v; return this; }
        Customer phone(String v) { phone = v; return this; }
        Customer preferred(String v) { preferred = v; return this; }
        Customer optedOut() { optOut = true; return this; }
        Customer stage(LifecycleStage v) { stage = v; return this; }
        Customer tier(String v) { tier = v; return this; }
        Customer churn(ChurnReason r) { churn.add(r); return this; }
        Customer firstOrder(int daysAgo) { firstOrder = D.minusDays(daysAgo); return this; }
        Customer contacted(int daysAgo) { lastContact = D.minusDays(daysAgo); return this; }
        Customer inbound(int daysAgo) { lastInbound = D.minusDays(daysAgo); return this; }
        Customer survey(int score, int daysAgo) { satisfaction = score; surveyDate = D.minusDays(daysAgo); return this; }
        Customer need(NeedCategory v) { need = v; return this; }

        ScoredCustomer build() {
            boolean buyer = stage != LifecycleStage.POTENTIAL;
            CustomerMeasures m = new CustomerMeasures(id, buyer ? 3 : 0, new BigDecimal(buyer ? "300" : "0"),
                    buyer ? firstOrder : null, buyer ? D.minusDays(20) : null, buyer ? 20 : null,
                    buyer ? (int) (D.toEpochDay() - firstOrder.toEpochDay()) : null, buyer ? 3 : 0, 1, 1, 2,
                    lastContact, lastInbound, satisfaction, surveyDate, need);
            CustomerProfile p = new CustomerProfile(id, "客户" + id, phone, email, "", "", "", owner, preferred, optOut, null);
            return new ScoredCustomer(p, m, buyer ? new RfmScores(3, 3, 3) : null, SEGMENT,
                    buyer ? new ValueTier(tier, tier, tier, ScoreRange.parse("3-15")) : null, stage, churn,
                    InteractionTier.LOW);
        }
    }

    static Customer customer() {
        return new Customer();
    }

    private static RevisitPlanner planner() {
        return new RevisitPlanner(SHIPPED, D);
    }

    private static RevisitTask taskOf(Customer c) {
        return planner().taskFor(c.build());
    }

    private static String reasonOf(Customer c) {
        RevisitTask t = taskOf(c);
        return t == null ? null : t.reason();
    }

    @Test
    void churnRiskIsCalledWithinTwoDays() {
        RevisitTask t = taskOf(customer().churn(ChurnReason.OVERDUE));
        assertThat(t.reason()).isEqualTo("CHURN_RISK");
        assertThat(t.priority()).isEqualTo(1);
        assertThat(t.intendedDue()).isEqualTo(D.plusDays(2));
        assertThat(t.channel()).isEqualTo("PHONE");
    }

    @Test
    void serviceRecoveryForARecentBadSurveyInAnyStage() {
        RevisitTask t = taskOf(customer().stage(LifecycleStage.CHURNED).survey(2, 179).contacted(200));
        assertThat(t.reason()).isEqualTo("SERVICE_RECOVERY");
        assertThat(t.intendedDue()).isEqualTo(D.plusDays(1));
        assertThat(reasonOf(customer().stage(LifecycleStage.POTENTIAL).survey(1, 10))).isEqualTo("SERVICE_RECOVERY");
    }

    @Test
    void aSurveyOneHundredEightyDaysAgoOrScoringThreeIsNoServiceRecovery() {
        assertThat(reasonOf(customer().survey(1, 180))).isNull();
        assertThat(reasonOf(customer().survey(3, 10))).isNull();
    }

    @Test
    void winBackForDormantTierAOrB() {
        RevisitTask t = taskOf(customer().stage(LifecycleStage.DORMANT).tier("A").preferred("WECHAT"));
        assertThat(t.reason()).isEqualTo("WIN_BACK");
        assertThat(t.intendedDue()).isEqualTo(D.plusDays(7));
        assertThat(t.channel()).isEqualTo("WECHAT");
        assertThat(taskOf(customer().stage(LifecycleStage.DORMANT).tier("B")).channel()).isEqualTo("PHONE");
    }

    @Test
    void careForLoyalOrTierACustomersNotContactedForThirtyDays() {
        assertThat(reasonOf(customer().stage(LifecycleStage.LOYAL).contacted(30))).isEqualTo("CARE");
        assertThat(reasonOf(customer().tier("A"))).isEqualTo("CARE");
        assertThat(reasonOf(customer().stage(LifecycleStage.LOYAL).contacted(29))).isNull();
        assertThat(taskOf(customer().tier("A")).channel()).isEqualTo("VISIT");
        assertThat(taskOf(customer().tier("A").preferred("EMAIL")).channel()).isEqualTo("EMAIL");
    }

    @Test
    void onboardingNewCustomersAWeekAfterTheFirstOrderIfNobodyCalledSince() {
        RevisitTask t = taskOf(customer().stage(LifecycleStage.NEW).firstOrder(7));
        assertThat(t.reason()).isEqualTo("ONBOARDING");
        assertThat(t.intendedDue()).isEqualTo(D.plusDays(3));
        assertThat(t.channel()).isEqualTo("DM");
        assertThat(reasonOf(customer().stage(LifecycleStage.NEW).firstOrder(6))).isNull();
        assertThat(reasonOf(customer().stage(LifecycleStage.NEW).firstOrder(20).contacted(20))).isNull();
        assertThat(reasonOf(customer().stage(LifecycleStage.NEW).firstOrder(20).contacted(21))).isEqualTo("ONBOARDING");
    }

    @Test
    void reactivateDormantTierCOrDByEmailWhenThereIsOne() {
        RevisitTask byMail = taskOf(customer().stage(LifecycleStage.DORMANT).tier("C").email("a@b.cn"));
        assertThat(byMail.reason()).isEqualTo("REACTIVATE");
        assertThat(byMail.intendedDue()).isEqualTo(D.plusDays(14));
        assertThat(byMail.channel()).isEqualTo("EMAIL");
        assertThat(taskOf(customer().stage(LifecycleStage.DORMANT).tier("D")).channel()).isEqualTo("DM");
    }

    @Test
    void convertProspectsWhoAskedInTheLastThirtyDays() {
        RevisitTask t = taskOf(customer().stage(LifecycleStage.POTENTIAL).inbound(29));
        assertThat(t.reason()).isEqualTo("CONVERT");
        assertThat(t.channel()).isEqualTo("DM");
        assertThat(reasonOf(customer().stage(LifecycleStage.POTENTIAL).inbound(30))).isNull();
        assertThat(reasonOf(customer().stage(LifecycleStage.POTENTIAL))).isNull();
    }

    @Test
    void lapsedChurnedCustomersNotContactedForNinetyDays() {
        assertThat(reasonOf(customer().stage(LifecycleStage.CHURNED).contacted(90))).isEqualTo("LAPSED");
        assertThat(reasonOf(customer().stage(LifecycleStage.CHURNED).contacted(89))).isNull();
        assertThat(taskOf(customer().stage(LifecycleStage.CHURNED).email("x@y.cn")).channel()).isEqualTo("EMAIL");
    }

    @Test
    void theLowestPriorityNumberWinsAndTiesGoToTheEarlierRule() {
        // CHURN_RISK (1) beats CARE (3)
        assertThat(reasonOf(customer().stage(LifecycleStage.LOYAL).churn(ChurnReason.UNHAPPY).survey(1, 5)))
                .isEqualTo("CHURN_RISK"); // SERVICE_RECOVERY also has priority 1 but comes later in the table
        assertThat(reasonOf(customer().stage(LifecycleStage.DORMANT).tier("A"))).isEqualTo("WIN_BACK"); // beats CARE
    }

    @Test
    void optedOutCustomersGetNoTask() {
        assertThat(taskOf(customer().churn(ChurnReason.OVERDUE).optedOut())).isNull();
    }

    @Test
    void noTaskWithinSevenDaysOfAContactWhateverTheRule() {
        assertThat(taskOf(customer().churn(ChurnReason.OVERDUE).contacted(6))).isNull();
        assertThat(taskOf(customer().stage(LifecycleStage.POTENTIAL).inbound(1).contacted(0))).isNull();
        assertThat(reasonOf(customer().churn(ChurnReason.OVERDUE).contacted(7))).isEqualTo("CHURN_RISK");
    }

    @Test
    void customersWithoutOwnerGoToTheUnassignedQueue() {
        assertThat(taskOf(customer().churn(ChurnReason.OVERDUE).owner("")).owner()).isEqualTo("未分配");
    }

    @Test
    void aDisabledRuleGivesNoTask() {
        List<RevisitRule> rules = new ArrayList<>();
        for (RevisitRule r : SHIPPED.rules()) {
            rules.add(r.reason().equals("CHURN_RISK")
                    ? new RevisitRule(r.reason(), false, r.priority(), r.dueDays(), r.channels(), r.when(), r.actionZh(), r.actionEn())
                    : r);
        }
        RevisitSettings settings = new RevisitSettings(7, "未分配", 30, SHIPPED.capacity(), SHIPPED.needActions(), rules, 30);
        assertThat(new RevisitPlanner(settings, D).taskFor(customer().churn(ChurnReason.OVERDUE).build())).isNull();
    }

    @Test
    void theNeedCategoryAddsAFocusToTheSuggestedAction() {
        RevisitTask t = taskOf(customer().churn(ChurnReason.OVERDUE).need(NeedCategory.PRICE));
        assertThat(t.actionZh()).isEqualTo("电话回访，了解购买减少或不满的原因，提供挽留方案；重点介绍当前优惠与报价");
        assertThat(t.actionEn()).endsWith("; focus on current offers and prices");
        assertThat(taskOf(customer().churn(ChurnReason.OVERDUE)).actionZh()).isEqualTo("电话回访，了解购买减少或不满的原因，提供挽留方案");
    }

    @Test
    void onePlannerGivesEachRuleAndNeedItsOwnActionAndSharesIt() {
        RevisitPlanner planner = planner();
        RevisitTask price = planner.taskFor(customer().churn(ChurnReason.OVERDUE).need(NeedCategory.PRICE).build());
        RevisitTask plain = planner.taskFor(customer().churn(ChurnReason.OVERDUE).build());
        RevisitTask info = planner.taskFor(customer().churn(ChurnReason.OVERDUE).need(NeedCategory.INFO).build());
        RevisitTask recovery = planner.taskFor(customer().stage(LifecycleStage.CHURNED).survey(2, 179).contacted(200)
                .need(NeedCategory.PRICE).build());
        RevisitTask priceAgain = planner.taskFor(customer().churn(ChurnReason.DECLINING).need(NeedCategory.PRICE)
                .build());

        assertThat(price.actionZh()).isEqualTo("电话回访，了解购买减少或不满的原因，提供挽留方案；重点介绍当前优惠与报价");
        assertThat(plain.actionZh()).isEqualTo("电话回访，了解购买减少或不满的原因，提供挽留方案");
        assertThat(info.actionZh()).startsWith(plain.actionZh() + "；").isNotEqualTo(price.actionZh());
        assertThat(recovery.reason()).isEqualTo("SERVICE_RECOVERY");
        assertThat(recovery.actionZh()).isEqualTo("尽快致电致歉，解决满意度问题；重点介绍当前优惠与报价");
        assertThat(recovery.actionEn()).endsWith("; focus on current offers and prices");
        // the same rule and need: the very same strings (the task files' writer encodes each once)
        assertThat(priceAgain.actionZh()).isSameAs(price.actionZh());
        assertThat(priceAgain.actionEn()).isSameAs(price.actionEn());
    }

    @Test
    void taskIdsAreStableForCustomerReasonAndDate() {
        RevisitTask a = taskOf(customer().churn(ChurnReason.OVERDUE));
        RevisitTask b = taskOf(customer().churn(ChurnReason.DECLINING).need(NeedCategory.INFO));
        assertThat(a.taskId()).isEqualTo(b.taskId()).matches("T[0-9a-f]{16}");
        assertThat(new RevisitPlanner(SHIPPED, D.plusDays(1)).taskFor(customer().churn(ChurnReason.OVERDUE).build()).taskId())
                .isNotEqualTo(a.taskId());
        assertThat(taskOf(customer().id("C2").churn(ChurnReason.OVERDUE)).taskId()).isNotEqualTo(a.taskId());
        // the id is "T" and the first 16 hex digits of SHA-256("<as-of>|<customer>|<reason>"), as the history's tasks
        // of earlier nights were issued
        for (String id : List.of("C1", "客户-7", "C0394713")) {
            RevisitTask t = taskOf(customer().id(id).churn(ChurnReason.OVERDUE));
            assertThat(t.taskId()).isEqualTo("T" + org.apache.commons.codec.digest.DigestUtils.sha256Hex(
                    D + "|" + id + "|" + t.reason()).substring(0, 16));
        }
    }

    @Test
    void anOwnerWithThreeTimesTheCapacitySpreadsOverThreeDaysMostUrgentFirstAndLosesNothing() {
        RevisitSettings settings = new RevisitSettings(7, "未分配", 30,
                new Capacity(2, List.of(new OwnerCapacity("王芳", 5))), Map.of(), SHIPPED.rules(), 30);
        List<ScoredCustomer> customers = List.of(
                customer().id("C1").stage(LifecycleStage.LOYAL).build(),                  // CARE, prio 3, due D+7
                customer().id("C2").stage(LifecycleStage.DORMANT).tier("A").build(),      // WIN_BACK, prio 2, due D+7
                customer().id("C3").churn(ChurnReason.OVERDUE).build(),                   // CHURN_RISK, prio 1, due D+2
                customer().id("C4").stage(LifecycleStage.LOYAL).build(),                  // CARE
                customer().id("C5").stage(LifecycleStage.DORMANT).tier("B").build(),      // WIN_BACK
                customer().id("C6").tier("A").build(),                                    // CARE
                customer().id("C7").owner("王芳").stage(LifecycleStage.LOYAL).build());  // other owner, own capacity
        RevisitPlan plan = new RevisitPlanner(settings, D).plan(customers);
        assertThat(plan.unscheduled()).isEmpty();
        assertThat(plan.scheduled()).hasSize(7);
        Map<String, LocalDate> due = new java.util.HashMap<>();
        plan.scheduled().forEach(t -> due.put(t.customerId(), t.dueDate()));
        assertThat(due.get("C3")).isEqualTo(D.plusDays(2));
        // D+7 has room for two: the WIN_BACKs (priority 2) take it, the CAREs move on, in customer order
        assertThat(due.get("C2")).isEqualTo(D.plusDays(7));
        assertThat(due.get("C5")).isEqualTo(D.plusDays(7));
        assertThat(due.get("C1")).isEqualTo(D.plusDays(8));
        assertThat(due.get("C4")).isEqualTo(D.plusDays(8));
        assertThat(due.get("C6")).isEqualTo(D.plusDays(9));
        assertThat(due.get("C7")).isEqualTo(D.plusDays(7));
        // listed by due date, priority, owner
        assertThat(plan.scheduled()).extracting(RevisitTask::customerId).containsExactly("C3", "C2", "C5", "C7", "C1", "C4", "C6");
    }

    /** The job's customers come in id order; customers in any other order are placed by their ids and planned alike. */
    @Test
    void aPlanDoesNotDependOnTheOrderItsCustomersComeIn() {
        RevisitSettings settings = new RevisitSettings(7, "未分配", 30, new Capacity(1, List.of()), Map.of(),
                SHIPPED.rules(), 30);
        List<ScoredCustomer> customers = new ArrayList<>();
        for (int i = 100; i < 200; i++) {
            customers.add(customer().id("C" + i).owner(i % 4 == 0 ? "王芳" : "李娜")
                    .stage(i % 3 == 0 ? LifecycleStage.DORMANT : LifecycleStage.LOYAL).tier(i % 2 == 0 ? "A" : "B").build());
        }
        RevisitPlan inOrder = new RevisitPlanner(settings, D).plan(customers);
        List<ScoredCustomer> shuffled = new ArrayList<>(customers);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        RevisitPlan outOfOrder = new RevisitPlanner(settings, D).plan(shuffled);
        assertThat(inOrder.scheduled()).hasSizeGreaterThan(20);
        assertThat(inOrder.unscheduled()).isNotEmpty(); // one a day per owner: the capacity decides who waits
        assertThat(outOfOrder.scheduled()).containsExactlyElementsOf(inOrder.scheduled());
        assertThat(outOfOrder.unscheduled()).containsExactlyElementsOf(inOrder.unscheduled());
    }

    /** Days and priorities spread over billions (71 bits with the rest) do not fit one long: the comparators sort them. */
    @Test
    void keysTooWideToPackFallBackToTheComparators() {
        TaskCondition always = new TaskCondition(null, null, null, null, null, null, null, null, null, null, null);
        List<RevisitTask> tasks = new ArrayList<>();
        int[] priorities = {1, 2, 3, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
        LocalDate[] days = {LocalDate.MIN, D, LocalDate.MAX};
        for (int i = 0; i < 30; i++) {
            RevisitRule rule = new RevisitRule("R", true, priorities[i % priorities.length], 0, List.of("PHONE"), always,
                    "做", "do");
            tasks.add(new RevisitTask(i, customer().id("C" + (100 - i)).build(), 100 - i, i % 2 == 0 ? "李娜" : "王芳",
                    rule, i % 3, days[i % days.length], i % 4 == 0 ? days[(i + 1) % days.length] : null, "PHONE", "做", "do"));
        }
        assertSortedAsTheComparatorsSort(tasks, new java.util.Random(3));
    }

    @Test
    void whatDoesNotFitBeforeTheHorizonIsUnscheduledNotDropped() {
        RevisitSettings settings = new RevisitSettings(7, "未分配", 8, new Capacity(1, List.of()), Map.of(),
                SHIPPED.rules().stream().filter(r -> r.dueDays() <= 8).toList(), 30);
        List<ScoredCustomer> customers = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            customers.add(customer().id("C" + i).stage(LifecycleStage.LOYAL).build()); // CARE due D+7, one a day
        }
        RevisitPlan plan = new RevisitPlanner(settings, D).plan(customers);
        assertThat(plan.scheduled()).extracting(RevisitTask::dueDate).containsExactly(D.plusDays(7), D.plusDays(8));
        assertThat(plan.unscheduled()).extracting(RevisitTask::customerId).containsExactly("C3", "C4");
        assertThat(plan.unscheduled()).allSatisfy(t -> assertThat(t.dueDate()).isNull());
    }

    @Test
    void aRuleDueAfterTheHorizonIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RevisitSettings(7, "未分配", 10, new Capacity(1, List.of()),
                Map.of(), SHIPPED.rules(), 30)).hasMessageContaining("REACTIVATE is due in 14 days, past horizon-days 10");
    }

    @Test
    void aCustomerWhoseCustomersRowWasRejectedGetsNoTask() {
        ScoredCustomer c = customer().churn(ChurnReason.OVERDUE).build();
        ScoredCustomer rejected = new ScoredCustomer(CustomerProfile.rejectedRow("C1"), c.measures(), c.scores(), c.segment(),
                c.valueTier(), c.stage(), c.churnReasons(), c.interactionTier());
        assertThat(planner().taskFor(rejected)).isNull();
    }

    @Test
    void anUnknownPreferredChannelIsPassedOver() {
        assertThat(taskOf(customer().tier("A").preferred("@SUM(1)")).channel()).isEqualTo("VISIT");
    }

    @Test
    void channelFallsBackWhenTheCustomerLacksTheAddress() {
        RevisitRule rule = new RevisitRule("X", true, 1, 0, List.of("PHONE", "EMAIL", "DM"),
                new TaskCondition(null, null, null, null, null, null, null, null, null, null, null), "做", "do");
        CustomerProfile none = new CustomerProfile("C1", "", "", "", "", "", "", "", "", false, null);
        CustomerProfile mailOnly = new CustomerProfile("C1", "", "", "a@b.cn", "", "", "", "", "", false, null);
        assertThat(RevisitPlanner.channel(rule, none)).isEqualTo("DM");
        assertThat(RevisitPlanner.channel(rule, mailOnly)).isEqualTo("EMAIL");
    }

    @Test
    void theSortsOnPackedKeysGiveTheOrdersOfTheComparators() {
        java.util.Random random = new java.util.Random(5);
        LifecycleStage[] stages = {LifecycleStage.ACTIVE, LifecycleStage.LOYAL, LifecycleStage.DORMANT};
        String[] owners = {"李娜", "王芳", "Ann", "ann", ""};
        List<RevisitTask> tasks = new java.util.ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        while (ids.size() < 3_000) {
            ids.add("C" + random.nextInt(1_000_000)); // one task per customer, as in a plan
        }
        for (String id : new java.util.TreeSet<>(ids).descendingSet()) {
            Customer c = customer().id(id).owner(owners[random.nextInt(owners.length)])
                    .stage(stages[random.nextInt(stages.length)]).tier(random.nextBoolean() ? "A" : "B");
            if (random.nextInt(4) == 0) {
                c.churn(ChurnReason.OVERDUE);
            }
            RevisitTask t = taskOf(c);
            if (t != null) {
                tasks.add(random.nextInt(3) == 0 ? t.scheduledOn(D.plusDays(random.nextInt(40))) : t);
            }
        }
        assertThat(tasks).hasSizeGreaterThan(1_000);
        // tasks made outside a plan (placed by their ids in the sort), and the same tasks with their customers'
        // places by id, as a plan makes them
        List<RevisitTask> byId = new java.util.ArrayList<>(tasks);
        byId.sort(java.util.Comparator.comparing(RevisitTask::customerId));
        List<RevisitTask> planned = new java.util.ArrayList<>();
        for (RevisitTask t : tasks) {
            planned.add(new RevisitTask(t.idBits(), t.customer(), byId.indexOf(t), t.owner(), t.rule(), t.ruleIndex(),
                    t.intendedDue(), t.dueDate(), t.channel(), t.actionZh(), t.actionEn()));
        }
        for (List<RevisitTask> given : List.of(tasks, planned)) {
            assertSortedAsTheComparatorsSort(given, random);
        }
    }

    /**
     * The packed sorts give the comparators' orders: the list's from the tasks as given, urgency's (a comparator
     * written here, not the planner's fallback) from them shuffled.
     */
    private static void assertSortedAsTheComparatorsSort(List<RevisitTask> given, java.util.Random random) {
        List<RevisitTask> expected = new ArrayList<>(given);
        List<RevisitTask> actual = new ArrayList<>(given);
        expected.sort(RevisitPlanner.LIST_ORDER);
        RevisitPlanner.sortInListOrder(actual);
        assertThat(actual).containsExactlyElementsOf(expected);
        java.util.Collections.shuffle(expected, random); // a different order to start from
        actual = new ArrayList<>(expected);
        expected.sort(java.util.Comparator.comparingInt(RevisitTask::priority).thenComparing(RevisitTask::intendedDue)
                .thenComparingInt(RevisitTask::ruleIndex).thenComparing(RevisitTask::customerId));
        RevisitPlanner.sortByUrgency(actual);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    /** The customers' places by id: none when they come in that order (the job's), else each one's place. */
    @Test
    void aPlanPlacesItsCustomersById() {
        ScoredCustomer a = customer().id("C1").build();
        ScoredCustomer b = customer().id("C2").build();
        ScoredCustomer c = customer().id("C10").build();
        assertThat(RevisitPlanner.placesById(List.of(a, c, b))).isNull();
        assertThat(RevisitPlanner.placesById(List.of(b, a, c))).containsExactly(2, 0, 1);
        assertThat(RevisitPlanner.placesById(List.of(b, a, b))).containsExactly(1, 0, 2);
    }

    /**
     * The conditions' dates compared as epoch days decide as the dates themselves did: the previous LocalDate
     * comparisons, kept here as the reference, against the conditions on random customers with dates on both sides
     * of every window's edge, absent dates included.
     */
    @Test
    void conditionsOnEpochDaysDecideAsOnDates() {
        java.util.Random random = new java.util.Random(5);
        int checked = 0;
        for (int k = 0; k < 20_000; k++) {
            Integer[] days = new Integer[4];
            for (int j = 0; j < days.length; j++) {
                days[j] = random.nextInt(4) == 0 ? null : random.nextInt(40);
            }
            Integer maxSatisfaction = days[0] == null ? null : 1 + random.nextInt(5);
            Boolean sinceFirst = random.nextInt(3) == 0 ? null : random.nextBoolean();
            TaskCondition when = new TaskCondition(null, null, null, null, maxSatisfaction, days[0], days[1], sinceFirst,
                    days[2], days[3], null);
            Customer c = customer().firstOrder(random.nextInt(45));
            if (random.nextBoolean()) {
                c.contacted(random.nextInt(45) - 2);
            }
            if (random.nextBoolean()) {
                c.inbound(random.nextInt(45));
            }
            if (random.nextBoolean()) {
                c.survey(1 + random.nextInt(5), random.nextInt(45));
            }
            if (random.nextInt(5) == 0) {
                c.stage(LifecycleStage.POTENTIAL); // no orders: no first order date
            }
            ScoredCustomer built = c.build();
            assertThat(when.holds(built, D)).as("condition %s, customer %s", when, built.measures())
                    .isEqualTo(holdsOnDates(when, built, D));
            checked += holdsOnDates(when, built, D) ? 1 : 0;
        }
        assertThat(checked).isBetween(500, 19_500); // both answers met often
    }

    /** TaskCondition.holds as it was written on dates (without stages, tiers, segments, churn risk and anyOf). */
    private static boolean holdsOnDates(TaskCondition w, ScoredCustomer c, LocalDate asOf) {
        CustomerMeasures m = c.measures();
        LocalDate contact = m.lastContactDate();
        return (w.maxSatisfaction() == null || (m.lastSatisfaction() != null && m.lastSatisfaction() <= w.maxSatisfaction()
                        && m.lastSurveyDate().isAfter(asOf.minusDays(w.surveyWithinDays()))))
                && (w.noContactWithinDays() == null || contact == null || !contact.isAfter(asOf.minusDays(w.noContactWithinDays())))
                && (w.noContactSinceFirstOrder() == null || w.noContactSinceFirstOrder() == (m.firstOrderDate() != null
                        && (contact == null || contact.isBefore(m.firstOrderDate()))))
                && (w.firstOrderAtLeastDaysAgo() == null || (m.firstOrderDate() != null
                        && !m.firstOrderDate().isAfter(asOf.minusDays(w.firstOrderAtLeastDaysAgo()))))
                && (w.inboundWithinDays() == null || (m.lastInboundDate() != null
                        && m.lastInboundDate().isAfter(asOf.minusDays(w.inboundWithinDays()))));
    }
}

package rfm.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import rfm.ingest.CustomerProfile;
import rfm.ingest.InteractionRow;
import rfm.ingest.OrderRow;
import rfm.ingest.PackedId;
import rfm.measure.CustomerLedger.InteractionVerdict;
import rfm.measure.CustomerLedger.OrderVerdict;
import rfm.measure.CustomerLedger.ProfileVerdict;

class CustomerLedgerTest {

    static final LocalDate D = LocalDate.of(2026, 11, 22);
    static final NeedKeywords KEYWORDS = new NeedKeywords(Map.of(
            NeedCategory.PRODUCT, List.of("product", "新品"),
            NeedCategory.SERVICE, List.of("repair", "售后"),
            NeedCategory.INFO, List.of("news"),
            NeedCategory.PRICE, List.of("price", "优惠")));

    final CustomerLedger ledger = new CustomerLedger(settings(null));

    static MeasureSettings settings(Integer monetaryWindowDays) {
        return new MeasureSettings(D, monetaryWindowDays, 90, 90, 180, KEYWORDS);
    }

    static OrderRow paid(String orderId, String customerId, LocalDate date, String amount) {
        return new OrderRow(orderId, customerId, date, new BigDecimal(amount), true);
    }

    static OrderRow refunded(String orderId, String customerId, LocalDate date, String amount) {
        return new OrderRow(orderId, customerId, date, new BigDecimal(amount), false);
    }

    static InteractionRow in(String customerId, LocalDateTime at, String channel) {
        return new InteractionRow(customerId, at, channel, false, null, "");
    }

    static InteractionRow out(String customerId, LocalDateTime at, String channel) {
        return new InteractionRow(customerId, at, channel, true, null, "");
    }

    static InteractionRow survey(String customerId, LocalDateTime at, Integer satisfaction) {
        return new InteractionRow(customerId, at, "SURVEY", true, satisfaction, "");
    }

    static InteractionRow topic(String customerId, LocalDate on, String topic) {
        return new InteractionRow(customerId, on.atTime(10, 0), "PHONE", false, null, topic);
    }

    static LocalDate daysAgo(int days) {
        return D.minusDays(days);
    }

    static LocalDateTime daysAgo(int days, int hour, int minute) {
        return D.minusDays(days).atTime(hour, minute);
    }

    static CustomerProfile profile(String id, String name) {
        return new CustomerProfile(id, name, "", "", "", "", "", "", "", false, null);
    }

    private CustomerMeasures measuresOf(String customerId) {
        return ledger.measure().stream().filter(c -> c.customerId().equals(customerId)).findFirst()
                .orElseThrow(() -> new AssertionError(customerId + " is not in the output")).measures();
    }

    private static void assertProspect(CustomerMeasures m) {
        assertThat(m.buyer()).isFalse();
        assertThat(m.frequency()).isZero();
        assertThat(m.monetary()).isEqualByComparingTo("0");
        assertThat(m.recencyDays()).isNull();
        assertThat(m.firstOrderDate()).isNull();
        assertThat(m.lastOrderDate()).isNull();
        assertThat(m.tenureDays()).isNull();
    }

    // orders

    @Test
    void aCountedOrderOnOrBeforeTheAsOfDateCounts() {
        assertThat(ledger.add(paid("O1", "C1", D, "10"))).isEqualTo(OrderVerdict.COUNTED);
        assertThat(measuresOf("C1").recencyDays()).isZero();
    }

    @Test
    void anUncountedStatusIsNotCounted() {
        assertThat(ledger.add(refunded("O1", "C1", daysAgo(3), "10"))).isEqualTo(OrderVerdict.NOT_COUNTED_STATUS);
    }

    @Test
    void anOrderAfterTheAsOfDateIsFutureDated() {
        assertThat(ledger.add(paid("O1", "C1", D.plusDays(1), "10"))).isEqualTo(OrderVerdict.FUTURE_DATED);
    }

    @Test
    void aRepeatedOrderIdIsADuplicate() {
        ledger.add(paid("O1", "C1", daysAgo(3), "10"));
        assertThat(ledger.add(paid("O1", "C1", daysAgo(3), "10"))).isEqualTo(OrderVerdict.DUPLICATE);
        assertThat(measuresOf("C1").frequency()).isEqualTo(1);
        assertThat(measuresOf("C1").monetary()).isEqualByComparingTo("10");
    }

    @Test
    void aRefundedFirstRowWinsOverALaterPaidRowOfTheSameOrderId() {
        assertThat(ledger.add(refunded("O1", "C1", daysAgo(3), "10"))).isEqualTo(OrderVerdict.NOT_COUNTED_STATUS);
        assertThat(ledger.add(paid("O1", "C1", daysAgo(3), "10"))).isEqualTo(OrderVerdict.DUPLICATE);
        assertProspect(measuresOf("C1"));
    }

    @Test
    void aFutureDatedFirstRowWinsOverALaterValidRowOfTheSameOrderId() {
        assertThat(ledger.add(paid("O1", "C1", D.plusDays(2), "10"))).isEqualTo(OrderVerdict.FUTURE_DATED);
        assertThat(ledger.add(paid("O1", "C1", daysAgo(1), "10"))).isEqualTo(OrderVerdict.DUPLICATE);
        assertProspect(measuresOf("C1"));
    }

    @Test
    void aCustomerNamedOnlyByADuplicateRowIsAProspect() {
        ledger.add(paid("O1", "C1", daysAgo(3), "10"));
        assertThat(ledger.add(paid("O1", "C2", daysAgo(3), "10"))).isEqualTo(OrderVerdict.DUPLICATE);
        assertProspect(measuresOf("C2"));
        assertThat(measuresOf("C1").frequency()).isEqualTo(1);
    }

    @Test
    void aCustomerNamedOnlyByAFutureOrUncountedRowIsAProspect() {
        ledger.add(paid("O1", "C1", D.plusDays(1), "10"));
        ledger.add(refunded("O2", "C2", daysAgo(1), "10"));
        assertThat(ledger.measure()).extracting(MeasuredCustomer::customerId).containsExactly("C1", "C2");
        assertProspect(measuresOf("C1"));
        assertProspect(measuresOf("C2"));
    }

    @Test
    void recencyTenureAndFirstAndLastOrderDates() {
        ledger.add(paid("O1", "C1", daysAgo(40), "10"));
        ledger.add(paid("O2", "C1", daysAgo(10), "10"));
        ledger.add(paid("O3", "C1", daysAgo(100), "10"));
        CustomerMeasures m = measuresOf("C1");
        assertThat(m.buyer()).isTrue();
        assertThat(m.firstOrderDate()).isEqualTo(LocalDate.of(2026, 8, 14));
        assertThat(m.lastOrderDate()).isEqualTo(LocalDate.of(2026, 11, 12));
        assertThat(m.recencyDays()).isEqualTo(10);
        assertThat(m.tenureDays()).isEqualTo(100);
        assertThat(m.frequency()).isEqualTo(3);
    }

    @Test
    void severalOrdersOnOneDayAreOnePurchaseDay() {
        ledger.add(paid("O1", "C1", daysAgo(5), "10"));
        ledger.add(paid("O2", "C1", daysAgo(5), "10"));
        ledger.add(paid("O3", "C1", daysAgo(20), "10"));
        CustomerMeasures m = measuresOf("C1");
        assertThat(m.frequency()).isEqualTo(3);
        assertThat(m.purchaseDays()).isEqualTo(2);
    }

    @Test
    void monetarySumsExactly() {
        ledger.add(paid("O1", "C1", daysAgo(5), "88.125"));
        ledger.add(paid("O2", "C1", daysAgo(6), "100"));
        ledger.add(refunded("O3", "C1", daysAgo(7), "5000"));
        assertThat(measuresOf("C1").monetary()).isEqualByComparingTo("188.125");
    }

    @Test
    void aMonetaryWindowLimitsFrequencyAndMonetaryButNotRecencyOrFirstOrder() {
        CustomerLedger windowed = new CustomerLedger(settings(90));
        windowed.add(paid("O1", "C1", daysAgo(5), "10"));
        windowed.add(paid("O2", "C1", daysAgo(89), "100"));   // in (D-90, D]
        windowed.add(paid("O3", "C1", daysAgo(90), "50"));    // not
        windowed.add(paid("O4", "C1", daysAgo(200), "25"));
        CustomerMeasures m = windowed.measure().get(0).measures();
        assertThat(m.frequency()).isEqualTo(2);
        assertThat(m.monetary()).isEqualByComparingTo("110");
        assertThat(m.recencyDays()).isEqualTo(5);
        assertThat(m.firstOrderDate()).isEqualTo(daysAgo(200));
        assertThat(m.tenureDays()).isEqualTo(200);
        assertThat(m.purchaseDays()).isEqualTo(4);
    }

    @Test
    void aBuyerWithOrdersOnlyBeforeTheMonetaryWindowIsStillABuyer() {
        CustomerLedger windowed = new CustomerLedger(settings(90));
        windowed.add(paid("O1", "C1", daysAgo(120), "10"));
        CustomerMeasures m = windowed.measure().get(0).measures();
        assertThat(m.buyer()).isTrue();
        assertThat(m.recencyDays()).isEqualTo(120);
        assertThat(m.frequency()).isZero();
        assertThat(m.monetary()).isEqualByComparingTo("0");
    }

    @Test
    void ordersInTheTwoDecliningWindows() {
        ledger.add(paid("O1", "C1", daysAgo(0), "10"));     // (D-90, D]
        ledger.add(paid("O2", "C1", daysAgo(89), "10"));    // (D-90, D]
        ledger.add(paid("O3", "C1", daysAgo(90), "10"));    // (D-180, D-90]
        ledger.add(paid("O4", "C1", daysAgo(179), "10"));   // (D-180, D-90]
        ledger.add(paid("O5", "C1", daysAgo(180), "10"));   // neither
        CustomerMeasures m = measuresOf("C1");
        assertThat(m.ordersRecent()).isEqualTo(2);
        assertThat(m.ordersPrior()).isEqualTo(2);
    }

    // interactions

    @Test
    void interactionsInTheLastNinetyDaysOfAnyChannelAndDirection() {
        ledger.add(in("C1", daysAgo(90, 23, 59), "PHONE"));   // D-90: outside (D-90, D]
        ledger.add(in("C1", daysAgo(89, 0, 0), "WECHAT"));
        ledger.add(out("C1", daysAgo(30, 9, 0), "EMAIL"));
        ledger.add(survey("C1", daysAgo(1, 9, 0), 4));
        ledger.add(in("C1", daysAgo(0, 23, 59), "VISIT"));
        assertThat(measuresOf("C1").interactions90d()).isEqualTo(4);
    }

    @Test
    void lastContactIsTheLatestOutboundInteraction() {
        ledger.add(out("C1", daysAgo(10, 9, 0), "PHONE"));
        ledger.add(out("C1", daysAgo(30, 9, 0), "DM"));
        ledger.add(in("C1", daysAgo(2, 9, 0), "WECHAT"));
        CustomerMeasures m = measuresOf("C1");
        assertThat(m.lastContactDate()).isEqualTo(daysAgo(10));
        assertThat(m.lastInboundDate()).isEqualTo(daysAgo(2));
    }

    @Test
    void aSurveyIsAContactToo() {
        ledger.add(survey("C1", daysAgo(3, 9, 0), 5));
        assertThat(measuresOf("C1").lastContactDate()).isEqualTo(daysAgo(3));
    }

    @Test
    void interactionsAfterTheAsOfDateAreIgnoredButNameTheCustomer() {
        assertThat(ledger.add(out("C1", D.plusDays(1).atStartOfDay(), "PHONE"))).isEqualTo(InteractionVerdict.AFTER_AS_OF);
        assertThat(ledger.add(survey("C1", D.plusDays(1).atTime(8, 0), 1))).isEqualTo(InteractionVerdict.AFTER_AS_OF);
        assertThat(ledger.add(in("C1", D.atTime(23, 59, 59), "PHONE"))).isEqualTo(InteractionVerdict.USED);
        CustomerMeasures m = measuresOf("C1");
        assertProspect(m);
        assertThat(m.interactions90d()).isEqualTo(1);
        assertThat(m.lastContactDate()).isNull();
        assertThat(m.lastSatisfaction()).isNull();
    }

    @Test
    void lastSatisfactionComesFromTheSurveyWithTheLatestDateTime() {
        ledger.add(survey("C1", daysAgo(10, 15, 0), 2));
        ledger.add(survey("C1", daysAgo(10, 9, 0), 4));      // same day, earlier time, later in the file
        ledger.add(survey("C1", daysAgo(40, 9, 0), 5));
        CustomerMeasures m = measuresOf("C1");
        assertThat(m.lastSatisfaction()).isEqualTo(2);
        assertThat(m.lastSurveyDate()).isEqualTo(daysAgo(10));
    }

    @Test
    void onAnExactTieTheLaterSurveyRowWins() {
        ledger.add(survey("C1", daysAgo(5, 12, 0), 5));
        ledger.add(survey("C1", daysAgo(5, 12, 0), 1));
        assertThat(measuresOf("C1").lastSatisfaction()).isEqualTo(1);
    }

    @Test
    void satisfactionOutsideSurveysAndSurveysWithoutOneAreIgnored() {
        ledger.add(survey("C1", daysAgo(20, 9, 0), 4));
        ledger.add(new InteractionRow("C1", daysAgo(1, 9, 0), "PHONE", true, 1, ""));
        ledger.add(survey("C1", daysAgo(2, 9, 0), null));
        CustomerMeasures m = measuresOf("C1");
        assertThat(m.lastSatisfaction()).isEqualTo(4);
        assertThat(m.lastSurveyDate()).isEqualTo(daysAgo(20));
    }

    @Test
    void noSurveyNoSatisfaction() {
        ledger.add(out("C1", daysAgo(2, 9, 0), "PHONE"));
        assertThat(measuresOf("C1").lastSatisfaction()).isNull();
        assertThat(measuresOf("C1").lastSurveyDate()).isNull();
    }

    @Test
    void needCategoryIsTheMostFrequentTopicCategory() {
        ledger.add(topic("C1", daysAgo(3), "Product demo"));
        ledger.add(topic("C1", daysAgo(4), "repair request"));
        ledger.add(topic("C1", daysAgo(5), "维修 售后"));
        ledger.add(topic("C1", daysAgo(6), "price list"));
        assertThat(measuresOf("C1").needCategory()).isEqualTo(NeedCategory.SERVICE);
    }

    @Test
    void needCategoryTiesGoProductServiceInfoPrice() {
        ledger.add(topic("C1", daysAgo(3), "price"));
        ledger.add(topic("C1", daysAgo(3), "news"));
        ledger.add(topic("C2", daysAgo(3), "优惠"));
        ledger.add(topic("C2", daysAgo(3), "新品"));
        ledger.add(topic("C3", daysAgo(3), "price"));
        ledger.add(topic("C3", daysAgo(3), "repair"));
        ledger.add(topic("C3", daysAgo(3), "news"));
        assertThat(measuresOf("C1").needCategory()).isEqualTo(NeedCategory.INFO);
        assertThat(measuresOf("C2").needCategory()).isEqualTo(NeedCategory.PRODUCT);
        assertThat(measuresOf("C3").needCategory()).isEqualTo(NeedCategory.SERVICE);
    }

    @Test
    void topicsOutsideTheLastOneHundredEightyDaysAreIgnored() {
        ledger.add(topic("C1", daysAgo(180), "price"));
        ledger.add(topic("C1", daysAgo(180), "price"));
        ledger.add(topic("C1", daysAgo(179), "news"));
        ledger.add(topic("C1", D.plusDays(1), "price"));
        assertThat(measuresOf("C1").needCategory()).isEqualTo(NeedCategory.INFO);
    }

    @Test
    void noMatchingTopicNoNeedCategory() {
        ledger.add(topic("C1", daysAgo(3), "hello"));
        ledger.add(topic("C1", daysAgo(3), ""));
        ledger.add(topic("C2", daysAgo(200), "price"));
        assertThat(measuresOf("C1").needCategory()).isNull();
        assertThat(measuresOf("C2").needCategory()).isNull();
    }

    // customers

    @Test
    void customersAreListedInIdOrder() {
        ledger.add(paid("O1", "C3", daysAgo(1), "10"));
        ledger.add(in("C1", daysAgo(1, 9, 0), "PHONE"));
        ledger.add(profile("C2", "王芳"));
        ledger.add(paid("O2", "C1", daysAgo(1), "10"));
        assertThat(ledger.measure()).extracting(MeasuredCustomer::customerId).containsExactly("C1", "C2", "C3");
        assertThat(ledger.customerCount()).isEqualTo(3);
    }

    @Test
    void drainingGivesWhatMeasuringGivesAndEmptiesTheLedger() {
        ledger.add(paid("O1", "C3", daysAgo(5), "10.50"));
        ledger.add(paid("O2", "C3", daysAgo(40), "4"));
        ledger.add(in("C1", daysAgo(1, 9, 0), "PHONE"));
        ledger.add(profile("C2", "王芳"));
        ledger.profileRejected("C4");
        ledger.add(paid("O3", "C4", daysAgo(2), "1"));
        List<MeasuredCustomer> measured = ledger.measure();

        assertThat(ledger.drain()).isEqualTo(measured);
        assertThat(ledger.customerCount()).isZero();
        assertThat(ledger.drain()).isEmpty();
    }

    /** Thousands of customers, a few with hundreds of orders (many pool blocks), in groups prefetched or not. */
    @Test
    void prefetchingChangesNothing() {
        CustomerLedger plain = new CustomerLedger(settings(365));
        CustomerLedger prefetched = new CustomerLedger(settings(365));
        Random random = new Random(3);
        long[] words0 = new long[16];
        long[] words1 = new long[16];
        int read = 0;
        for (int from = 0; from < 120_000; from += words0.length) {
            List<OrderRow> orders = new ArrayList<>();
            List<InteractionRow> interactions = new ArrayList<>();
            for (int k = 0; k < words0.length; k++) {
                String c = "C" + (random.nextInt(4) == 0 ? random.nextInt(20) : random.nextInt(9_000));
                orders.add(paid("O" + (from + k), c, daysAgo(random.nextInt(700)), random.nextInt(10_000) + ".25"));
                interactions.add(topic(c, daysAgo(random.nextInt(300)), random.nextBoolean() ? "price" : "repair"));
            }
            for (int k = 0; k < words0.length; k++) {
                words0[k] = orders.get(k).idWord0();
                words1[k] = orders.get(k).idWord1();
            }
            read += prefetched.prefetchOrders(words0, words1, words0.length);
            read += prefetched.prefetchInteractions(words0, words1, words0.length);
            for (int k = 0; k < words0.length; k++) {
                assertThat(prefetched.add(orders.get(k))).isEqualTo(plain.add(orders.get(k)));
                assertThat(prefetched.add(interactions.get(k))).isEqualTo(plain.add(interactions.get(k)));
            }
        }
        assertThat(read).as("what was read is kept, so the reads are not dropped").isNotZero();
        assertThat(prefetched.measure()).isEqualTo(plain.measure());
    }

    /** A watched customer is found whether its rows bring its id packed (as the byte paths do) or as text. */
    @Test
    void watchedCustomersSeeTheirRowsWhateverWayTheRowsKeepTheirIds() {
        List<String> seen = new ArrayList<>();
        CustomerWatch watch = new CustomerWatch() {
            @Override
            public void countedOrder(int epochDay, BigDecimal amount) {
                seen.add("order " + amount);
            }

            @Override
            public void interaction(int epochDay, boolean outbound) {
                seen.add("interaction " + outbound);
            }
        };
        String longId = "CUSTOMER-WITH-A-LONG-ID";
        ledger.watch(Map.of("C0819302", watch, longId, watch));
        int day = (int) daysAgo(3).toEpochDay();
        ledger.add(new OrderRow("O1", null, day, 1000, 2, null, true,
                PackedId.word("C0819302", 0), PackedId.word("C0819302", 8))); // as a byte path makes it
        ledger.add(paid("O2", "C0819302", daysAgo(2), "20.00"));
        ledger.add(paid("O3", "C0000001", daysAgo(2), "30.00")); // not watched
        ledger.add(paid("O4", longId, daysAgo(1), "40.00"));
        ledger.add(out("C0819302", daysAgo(1, 9, 0), "PHONE"));
        assertThat(seen).containsExactly("order 10.00", "order 20.00", "order 40.00", "interaction true");
    }

    @Test
    void afterOrdersCompleteAnotherOrderIsAnError() {
        ledger.add(paid("O1", "C1", daysAgo(5), "10"));
        ledger.ordersComplete();
        ledger.add(in("C1", daysAgo(1, 9, 0), "PHONE")); // other kinds of rows still come in

        assertThatThrownBy(() -> ledger.add(paid("O2", "C1", daysAgo(1), "10")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("O2");
        assertThat(measuresOf("C1").frequency()).isEqualTo(1);
    }

    @Test
    void aDuplicateProfileKeepsTheFirst() {
        assertThat(ledger.add(profile("C1", "张伟"))).isEqualTo(ProfileVerdict.USED);
        assertThat(ledger.add(profile("C1", "Zhang Wei"))).isEqualTo(ProfileVerdict.DUPLICATE);
        assertThat(ledger.measure().get(0).profile().name()).isEqualTo("张伟");
    }

    @Test
    void aCustomerOnlyInCustomersCsvIsAProspect() {
        ledger.add(profile("C1", "张伟"));
        assertProspect(measuresOf("C1"));
        assertThat(measuresOf("C1").interactions90d()).isZero();
    }

    @Test
    void aCustomerMissingFromCustomersCsvHasAnEmptyProfile() {
        ledger.add(paid("O1", "C1", daysAgo(1), "10"));
        CustomerProfile p = ledger.measure().get(0).profile();
        assertThat(p.customerId()).isEqualTo("C1");
        assertThat(p.name()).isEmpty();
        assertThat(p.owner()).isEmpty();
        assertThat(p.email()).isEmpty();
        assertThat(p.preferredChannel()).isEmpty();
        assertThat(p.optOut()).isFalse();
    }

    /** Where two ids' sort keys differ, they order the ids as String.compareTo does; equal ids have equal keys. */
    @Test
    void sortKeysOrderIdsAsTheirStringsDo() {
        String alphabet = "\u0000\u0001 09AZaz-_\u007f\u00fc\u00fd\u00fe\u00ff\u0100中文\ud83d\ude00\uffff";
        java.util.Random random = new java.util.Random(5);
        String[] ids = new String[2_000];
        for (int k = 0; k < ids.length; k++) {
            StringBuilder id = new StringBuilder(k % 3 == 0 ? "C000" : ""); // shared prefixes, as real ids have
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ids[k] = id.toString();
        }
        int decidedByKey = 0;
        for (String a : ids) {
            for (int t = 0; t < 200; t++) {
                String b = ids[random.nextInt(ids.length)];
                long ka = CustomerLedger.sortKey(a);
                long kb = CustomerLedger.sortKey(b);
                if (a.equals(b)) {
                    assertThat(ka).isEqualTo(kb);
                } else if (ka != kb) {
                    decidedByKey++;
                    assertThat(Integer.signum(Long.compareUnsigned(ka, kb))).as("%s vs %s", a, b)
                            .isEqualTo(Integer.signum(a.compareTo(b)));
                }
            }
        }
        assertThat(decidedByKey).isGreaterThan(200_000); // most pairs never reach the strings
        assertThat(CustomerLedger.sortKey("C1")).isLessThan(CustomerLedger.sortKey("C1\u0000"));
    }

    @Test
    void customersComeOutOrderedByIdWhateverTheirKeys() {
        List<String> ids = List.of("C10", "中1", "C1", "C100000009", "C100000008", "\u00ffA", "\u00feB", "C1\u00ff", "C");
        for (int k = 0; k < ids.size(); k++) { // named by an order, an interaction or a profile only, by turns
            String id = ids.get(k);
            switch (k % 3) {
                case 0 -> ledger.add(paid("O" + k, id, daysAgo(1), "10"));
                case 1 -> ledger.add(in(id, daysAgo(1, 9, 0), "PHONE"));
                default -> ledger.add(profile(id, "王芳"));
            }
        }
        assertThat(ledger.measure()).extracting(MeasuredCustomer::customerId).containsExactly(
                "C", "C1", "C10", "C100000008", "C100000009", "C1\u00ff", "\u00feB", "\u00ffA", "中1");
    }

    @Test
    void aHundredThousandCustomersComeOutOrderedByIdWhetherTheirKeysDecideOrNot() {
        // ids of eight characters (the sort keys decide every pair) and long ids that share their first eight (a run
        // of more than 50,000 equal keys, sorted by the ids on both cores), in a random order of first appearance
        Random random = new Random(8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            ids.add(String.format("C%07d", i));
            ids.add(String.format("CUSTOMER-%06d-%s", random.nextInt(1_000_000), i % 2 == 0 ? "A" : "é"));
        }
        Collections.shuffle(ids, random);
        for (int k = 0; k < ids.size(); k++) {
            if (k % 2 == 0) {
                ledger.add(paid("O" + k, ids.get(k), daysAgo(1), "10"));
            } else {
                ledger.add(in(ids.get(k), daysAgo(1, 9, 0), "PHONE"));
            }
        }
        List<String> expected = ids.stream().distinct().sorted().toList();
        assertThat(ledger.measure()).extracting(MeasuredCustomer::customerId).isEqualTo(expected);
    }
    @Test
    void aCustomerInEverySourceIsOneCustomerWhenItsIdSharesItsKeyWithAllOthers() {
        // ids that share their first eight characters: every sort key is equal, the ids alone order and match them
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(4));
        for (int i : order) {
            String id = String.format("CUSTOMER-%05d", i);
            if (i % 2 == 0) {
                ledger.add(paid("O" + i, id, daysAgo(1), "10"));
            }
            if (i % 3 == 0) {
                ledger.add(in(id, daysAgo(1, 9, 0), "PHONE"));
            }
            if (i % 5 == 0 || (i % 2 != 0 && i % 3 != 0)) {
                ledger.add(profile(id, "客户" + i));
            }
        }

        List<MeasuredCustomer> measured = ledger.measure();

        assertThat(measured).extracting(MeasuredCustomer::customerId)
                .isEqualTo(order.stream().sorted().map(i -> String.format("CUSTOMER-%05d", i)).toList());
        for (MeasuredCustomer c : measured) {
            int i = Integer.parseInt(c.customerId().substring("CUSTOMER-".length()));
            assertThat(c.profile().name()).as(c.customerId())
                    .isEqualTo(i % 5 == 0 || (i % 2 != 0 && i % 3 != 0) ? "客户" + i : "");
            assertThat(c.measures().frequency()).as(c.customerId()).isEqualTo(i % 2 == 0 ? 1 : 0);
            assertThat(c.measures().interactions90d()).as(c.customerId()).isEqualTo(i % 3 == 0 ? 1 : 0);
        }
    }

    @Test
    void everyCustomerOfEveryKindComesOnceWithItsProfileWhenEachKindIsManyEnoughToSplit() {
        // more than TwoHalves.MIN_SPLIT of each: order customers, interaction-only customers and profiles no row names;
        // a third of all customers have a profile, whatever rows they have
        int n = 4 * (TwoHalves.MIN_SPLIT + 1000);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(9));
        for (int i : order) {
            String id = String.format("C%07d", i);
            switch (i % 4) {
                case 0 -> ledger.add(paid("O" + i, id, daysAgo(1), "10"));
                case 1 -> ledger.add(in(id, daysAgo(1, 9, 0), "PHONE"));
                case 2 -> {
                    ledger.add(paid("O" + i, id, daysAgo(2), "10"));
                    ledger.add(paid("P" + i, id, daysAgo(1), "10"));
                    ledger.add(in(id, daysAgo(1, 9, 0), "PHONE"));
                }
                default -> { }
            }
            if (i % 4 == 3 || i % 3 == 0) {
                ledger.add(profile(id, "客户" + i));
            }
        }
        List<String> expected = new ArrayList<>(); // every one of them: each has rows, a profile or both
        for (int i = 0; i < n; i++) {
            expected.add(String.format("C%07d", i));
        }

        List<MeasuredCustomer> drained = ledger.drain();

        assertThat(drained).extracting(MeasuredCustomer::customerId).isEqualTo(expected);
        for (MeasuredCustomer c : drained) {
            int i = Integer.parseInt(c.customerId().substring(1));
            assertThat(c.profile().name()).as(c.customerId()).isEqualTo(i % 4 == 3 || i % 3 == 0 ? "客户" + i : "");
            assertThat(c.measures().frequency()).as(c.customerId()).isEqualTo(i % 4 == 0 ? 1 : i % 4 == 2 ? 2 : 0);
        }
        assertThat(ledger.drain()).isEmpty();
    }
}

package rfm.measure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

import rfm.ingest.CustomerProfile;

/**
 * Compact running state of one customer while the inputs stream past: dates as epoch days, no order rows kept.
 * Only the ledger touches it.
 */
final class CustomerAccumulator {

    private static final int NONE = Integer.MIN_VALUE;

    CustomerProfile profile;
    /** Null for almost every customer. */
    final CustomerWatch watch;

    private int[] orderDays = new int[0];
    private int orderCount;
    private int windowOrders;
    private BigDecimal windowMonetary = BigDecimal.ZERO;

    private int interactionsInWindow;
    private int lastOutDay = NONE;
    private int lastInDay = NONE;
    private long lastSurveyAt = Long.MIN_VALUE;
    private int lastSatisfaction;
    private int[] needCounts;

    CustomerAccumulator(CustomerWatch watch) {
        this.watch = watch;
    }

    void addCountedOrder(int day, BigDecimal amount, int windowStartExclusive) {
        if (orderCount == orderDays.length) {
            orderDays = Arrays.copyOf(orderDays, Math.max(4, orderCount * 2));
        }
        orderDays[orderCount++] = day;
        if (day > windowStartExclusive) {
            windowOrders++;
            windowMonetary = windowMonetary.add(amount);
        }
    }

    void addInteraction(int day, LocalDateTime at, boolean outbound, Integer satisfaction, boolean survey,
                        NeedCategory need, int asOfDay, MeasureSettings s) {
        if (day > asOfDay - s.interactionWindowDays()) {
            interactionsInWindow++;
        }
        if (outbound) {
            lastOutDay = Math.max(lastOutDay, day);
        } else {
            lastInDay = Math.max(lastInDay, day);
        }
        if (survey && satisfaction != null) {
            long seconds = at.toEpochSecond(ZoneOffset.UTC);
            if (seconds >= lastSurveyAt) { // ">=": on an exact tie the later row in the file wins
                lastSurveyAt = seconds;
                lastSatisfaction = satisfaction;
            }
        }
        if (need != null && day > asOfDay - s.needWindowDays()) {
            if (needCounts == null) {
                needCounts = new int[NeedCategory.values().length];
            }
            needCounts[need.ordinal()]++;
        }
    }

    CustomerMeasures measures(String customerId, MeasureSettings s) {
        LocalDate asOf = s.asOf();
        int d = (int) asOf.toEpochDay();
        NeedCategory need = topNeed();
        LocalDate lastContact = lastOutDay == NONE ? null : LocalDate.ofEpochDay(lastOutDay);
        LocalDate lastInbound = lastInDay == NONE ? null : LocalDate.ofEpochDay(lastInDay);
        Integer satisfaction = lastSurveyAt == Long.MIN_VALUE ? null : lastSatisfaction;
        LocalDate surveyDate = lastSurveyAt == Long.MIN_VALUE ? null
                : LocalDateTime.ofEpochSecond(lastSurveyAt, 0, ZoneOffset.UTC).toLocalDate();
        if (orderCount == 0) {
            return new CustomerMeasures(customerId, 0, BigDecimal.ZERO, null, null, null, null, 0, 0, 0,
                    interactionsInWindow, lastContact, lastInbound, satisfaction, surveyDate, need);
        }
        int[] days = Arrays.copyOf(orderDays, orderCount);
        Arrays.sort(days);
        int first = days[0];
        int last = days[days.length - 1];
        int distinct = 1;
        for (int i = 1; i < days.length; i++) {
            if (days[i] != days[i - 1]) {
                distinct++;
            }
        }
        int w = s.decliningWindowDays();
        int recent = 0;
        int prior = 0;
        for (int day : days) {
            if (day > d - w) {
                recent++;
            } else if (day > d - 2 * w) {
                prior++;
            }
        }
        int frequency = s.monetaryWindowDays() == null ? orderCount : windowOrders;
        return new CustomerMeasures(customerId, frequency, windowMonetary,
                LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last), d - last, d - first, distinct,
                recent, prior, interactionsInWindow, lastContact, lastInbound, satisfaction, surveyDate, need);
    }

    private NeedCategory topNeed() {
        if (needCounts == null) {
            return null;
        }
        NeedCategory best = null;
        int bestCount = 0;
        for (NeedCategory c : NeedCategory.values()) { // strict ">" keeps the earlier category on a tie
            if (needCounts[c.ordinal()] > bestCount) {
                best = c;
                bestCount = needCounts[c.ordinal()];
            }
        }
        return best;
    }
}

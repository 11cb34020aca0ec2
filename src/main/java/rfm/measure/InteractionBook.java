package rfm.measure;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * Every customer's interactions so far, kept by the thread that reads interactions, as a record of ints per
 * customer (see {@link CustomerRecords}): the interactions in the window, the last outbound and inbound days,
 * the last survey's time and satisfaction, and the needs counted in the need window. No interaction rows are kept.
 */
final class InteractionBook {

    static final int NO_DAY = Integer.MIN_VALUE;
    private static final long NO_SURVEY = Long.MIN_VALUE;
    private static final NeedCategory[] NEEDS = NeedCategory.values();

    /* A customer's record: */
    private static final int IN_WINDOW = 0;
    private static final int LAST_OUT = 1;
    private static final int LAST_IN = 2;
    private static final int SURVEY_LOW = 3;   // the last survey's epoch second, low and high int
    private static final int SURVEY_HIGH = 4;
    private static final int SATISFACTION = 5;
    private static final int NEED_COUNTS = 6;  // one count per need category
    private static final int STRIDE = NEED_COUNTS + NEEDS.length;

    private final CustomerRecords records;

    /** @param watchOf a customer's watch, or null for most (asked once per customer, at its first row) */
    InteractionBook(Function<String, CustomerWatch> watchOf) {
        int[] blank = new int[STRIDE];
        blank[LAST_OUT] = NO_DAY;
        blank[LAST_IN] = NO_DAY;
        blank[SURVEY_LOW] = (int) NO_SURVEY;
        blank[SURVEY_HIGH] = (int) (NO_SURVEY >>> 32);
        this.records = new CustomerRecords(blank, watchOf);
    }

    private InteractionBook(CustomerRecords records) {
        this.records = records;
    }

    /** The customer's number, made now (with an empty record) if this is its first row. */
    int of(String customerId) {
        return records.of(customerId);
    }

    /** The watch of customer {@code n}, or null. */
    CustomerWatch watch(int n) {
        return records.watch(n);
    }

    /** An interaction of customer {@code n} on {@code day} (on or before the as-of date). */
    void addInteraction(int n, int day, LocalDateTime at, boolean outbound, Integer satisfaction, boolean survey,
                        NeedCategory need, int asOfDay, MeasureSettings s) {
        int[] p = records.page(n);
        int r = records.at(n);
        if (day > asOfDay - s.interactionWindowDays()) {
            p[r + IN_WINDOW]++;
        }
        int last = outbound ? LAST_OUT : LAST_IN;
        p[r + last] = Math.max(p[r + last], day);
        if (survey && satisfaction != null) {
            long seconds = at.toEpochSecond(ZoneOffset.UTC);
            if (seconds >= surveyAt(p, r)) { // ">=": on an exact tie the later row in the file wins
                p[r + SURVEY_LOW] = (int) seconds;
                p[r + SURVEY_HIGH] = (int) (seconds >>> 32);
                p[r + SATISFACTION] = satisfaction;
            }
        }
        if (need != null && day > asOfDay - s.needWindowDays()) {
            p[r + NEED_COUNTS + need.ordinal()]++;
        }
    }

    private static long surveyAt(int[] p, int r) {
        return (long) p[r + SURVEY_HIGH] << 32 | (p[r + SURVEY_LOW] & 0xFFFF_FFFFL);
    }

    int interactionsInWindow(int n) {
        return records.page(n)[records.at(n) + IN_WINDOW];
    }

    /** The last outbound day, or {@link #NO_DAY}. */
    int lastOutDay(int n) {
        return records.page(n)[records.at(n) + LAST_OUT];
    }

    /** The last inbound day, or {@link #NO_DAY}. */
    int lastInDay(int n) {
        return records.page(n)[records.at(n) + LAST_IN];
    }

    boolean surveyed(int n) {
        return surveyAt(records.page(n), records.at(n)) != NO_SURVEY;
    }

    /** The last survey's epoch second; only when {@link #surveyed}. */
    long lastSurveyAt(int n) {
        return surveyAt(records.page(n), records.at(n));
    }

    /** The last survey's satisfaction; only when {@link #surveyed}. */
    int lastSatisfaction(int n) {
        return records.page(n)[records.at(n) + SATISFACTION];
    }

    /** The most counted need in the need window (the earlier category on a tie), or null when none. */
    NeedCategory topNeed(int n) {
        int[] p = records.page(n);
        int r = records.at(n) + NEED_COUNTS;
        NeedCategory best = null;
        int bestCount = 0;
        for (NeedCategory c : NEEDS) { // strict ">" keeps the earlier category on a tie
            if (p[r + c.ordinal()] > bestCount) {
                best = c;
                bestCount = p[r + c.ordinal()];
            }
        }
        return best;
    }

    int size() {
        return records.size();
    }

    String id(int number) {
        return records.id(number);
    }

    /** The customer's number, or -1 when no row named it. */
    int indexOf(String customerId) {
        return records.indexOf(customerId);
    }

    /** The records so far, for one last pass (see {@link CustomerRecords#handOver}); this book starts over empty. */
    InteractionBook handOver() {
        return new InteractionBook(records.handOver());
    }
}

package rfm.measure;


/**
 * Every customer's interactions so far, kept by the thread that reads interactions, as a record of ints per
 * customer (see {@link CustomerRecords}): the interactions in the window, the last outbound and inbound days,
 * the last survey's time and satisfaction, and the needs counted in the need window. No interaction rows are kept.
 */
final class InteractionBook extends CustomerBook {

    /** A day that never came: the measures' {@link CustomerMeasures#NONE}, so a last day passes to them as it is. */
    static final int NO_DAY = CustomerMeasures.NONE;
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

    InteractionBook(CustomerWatches watchOf) {
        super(new CustomerRecords(blank(), watchOf));
    }

    private InteractionBook(CustomerRecords records) {
        super(records);
    }

    private static int[] blank() {
        int[] blank = new int[STRIDE];
        blank[LAST_OUT] = NO_DAY;
        blank[LAST_IN] = NO_DAY;
        blank[SURVEY_LOW] = (int) NO_SURVEY;
        blank[SURVEY_HIGH] = (int) (NO_SURVEY >>> 32);
        return blank;
    }

    /** An interaction of customer {@code n} on {@code day} (on or before the as-of date). */
    void addInteraction(int n, int day, long seconds, boolean outbound, Integer satisfaction, boolean survey,
                        NeedCategory need, int asOfDay, MeasureSettings s) {
        int[] p = records.page(n);
        int r = records.at(n);
        if (day > asOfDay - s.interactionWindowDays()) {
            p[r + IN_WINDOW]++;
        }
        int last = outbound ? LAST_OUT : LAST_IN;
        p[r + last] = Math.max(p[r + last], day);
        if (survey && satisfaction != null) {
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

    /** The records so far, for one last pass (see {@link CustomerRecords#handOver}); this book starts over empty. */
    InteractionBook handOver() {
        return new InteractionBook(records.handOver());
    }
}

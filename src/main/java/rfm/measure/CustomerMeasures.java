package rfm.measure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * SPEC's per-customer measures at the as-of date. Order fields are null for a prospect (no counted order).
 *
 * <p>A value class with record-style accessors, equality and text. A million of these live from scoring to the
 * end of the run, so dates are kept as epoch days and the optional numbers as plain ints ({@link #NONE} for
 * null); the accessors make the {@code LocalDate} or {@code Integer} when asked. That keeps about five objects
 * per customer off the heap the collector has to walk.
 *
 * <p>ordersRecent: counted orders in (D-w, D], w = the DECLINING window; ordersPrior: counted orders in
 * (D-2w, D-w].
 */
public final class CustomerMeasures {

    /** The stored value of an absent date or number, as the plain accessors ({@link #lastOrderDay} etc.) give it. */
    public static final int NONE = Integer.MIN_VALUE;

    private final String customerId;
    private final int frequency;
    private final BigDecimal monetary;
    private final int firstOrderDay;
    private final int lastOrderDay;
    private final int recencyDays;
    private final int tenureDays;
    private final int purchaseDays;
    private final int ordersRecent;
    private final int ordersPrior;
    private final int interactions90d;
    private final int lastContactDay;
    private final int lastInboundDay;
    private final int lastSatisfaction;
    private final int lastSurveyDay;
    private final NeedCategory needCategory;

    public CustomerMeasures(String customerId, int frequency, BigDecimal monetary,
                            LocalDate firstOrderDate, LocalDate lastOrderDate,
                            Integer recencyDays, Integer tenureDays, int purchaseDays,
                            int ordersRecent, int ordersPrior,
                            int interactions90d, LocalDate lastContactDate, LocalDate lastInboundDate,
                            Integer lastSatisfaction, LocalDate lastSurveyDate, NeedCategory needCategory) {
        this(customerId, frequency, monetary, day(firstOrderDate), day(lastOrderDate), number(recencyDays),
                number(tenureDays), purchaseDays, ordersRecent, ordersPrior, interactions90d, day(lastContactDate),
                day(lastInboundDate), number(lastSatisfaction), day(lastSurveyDate), needCategory);
    }

    /** The same from epoch days and plain ints, {@link #NONE} for an absent one: what the ledger has in hand. */
    CustomerMeasures(String customerId, int frequency, BigDecimal monetary, int firstOrderDay, int lastOrderDay,
                     int recencyDays, int tenureDays, int purchaseDays, int ordersRecent, int ordersPrior,
                     int interactions90d, int lastContactDay, int lastInboundDay, int lastSatisfaction,
                     int lastSurveyDay, NeedCategory needCategory) {
        this.customerId = customerId;
        this.frequency = frequency;
        this.monetary = monetary;
        this.firstOrderDay = firstOrderDay;
        this.lastOrderDay = lastOrderDay;
        this.recencyDays = recencyDays;
        this.tenureDays = tenureDays;
        this.purchaseDays = purchaseDays;
        this.ordersRecent = ordersRecent;
        this.ordersPrior = ordersPrior;
        this.interactions90d = interactions90d;
        this.lastContactDay = lastContactDay;
        this.lastInboundDay = lastInboundDay;
        this.lastSatisfaction = lastSatisfaction;
        this.lastSurveyDay = lastSurveyDay;
        this.needCategory = needCategory;
    }

    private static int day(LocalDate date) {
        if (date == null) {
            return NONE;
        }
        long day = date.toEpochDay();
        if (day <= NONE || day > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("date out of range: " + date);
        }
        return (int) day;
    }

    private static int number(Integer value) {
        if (value != null && value == NONE) {
            throw new IllegalArgumentException("value out of range: " + value);
        }
        return value == null ? NONE : value;
    }

    private static LocalDate date(int day) {
        return day == NONE ? null : LocalDate.ofEpochDay(day);
    }

    private static Integer boxed(int value) {
        return value == NONE ? null : value;
    }

    /** A buyer has at least one counted order on or before the as-of date. */
    public boolean buyer() {
        return lastOrderDay != NONE;
    }

    public String customerId() {
        return customerId;
    }

    public int frequency() {
        return frequency;
    }

    public BigDecimal monetary() {
        return monetary;
    }

    public LocalDate firstOrderDate() {
        return date(firstOrderDay);
    }

    // The same values as plain ints, NONE for null (dates as epoch days): for writing a million rows with no
    // object per value

    public int firstOrderDay() {
        return firstOrderDay;
    }

    public int lastOrderDay() {
        return lastOrderDay;
    }

    public int recencyDaysOrNone() {
        return recencyDays;
    }

    public int tenureDaysOrNone() {
        return tenureDays;
    }

    public int lastContactDay() {
        return lastContactDay;
    }

    public int lastInboundDay() {
        return lastInboundDay;
    }

    public int lastSatisfactionOrNone() {
        return lastSatisfaction;
    }

    public int lastSurveyDay() {
        return lastSurveyDay;
    }

    public LocalDate lastOrderDate() {
        return date(lastOrderDay);
    }

    public Integer recencyDays() {
        return boxed(recencyDays);
    }

    public Integer tenureDays() {
        return boxed(tenureDays);
    }

    public int purchaseDays() {
        return purchaseDays;
    }

    public int ordersRecent() {
        return ordersRecent;
    }

    public int ordersPrior() {
        return ordersPrior;
    }

    public int interactions90d() {
        return interactions90d;
    }

    public LocalDate lastContactDate() {
        return date(lastContactDay);
    }

    public LocalDate lastInboundDate() {
        return date(lastInboundDay);
    }

    public Integer lastSatisfaction() {
        return boxed(lastSatisfaction);
    }

    public LocalDate lastSurveyDate() {
        return date(lastSurveyDay);
    }

    public NeedCategory needCategory() {
        return needCategory;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerMeasures m && Objects.equals(customerId, m.customerId)
                && frequency == m.frequency && Objects.equals(monetary, m.monetary)
                && firstOrderDay == m.firstOrderDay && lastOrderDay == m.lastOrderDay
                && recencyDays == m.recencyDays && tenureDays == m.tenureDays && purchaseDays == m.purchaseDays
                && ordersRecent == m.ordersRecent && ordersPrior == m.ordersPrior
                && interactions90d == m.interactions90d && lastContactDay == m.lastContactDay
                && lastInboundDay == m.lastInboundDay && lastSatisfaction == m.lastSatisfaction
                && lastSurveyDay == m.lastSurveyDay && needCategory == m.needCategory;
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerId, frequency, monetary, firstOrderDay, lastOrderDay, recencyDays, tenureDays,
                purchaseDays, ordersRecent, ordersPrior, interactions90d, lastContactDay, lastInboundDay,
                lastSatisfaction, lastSurveyDay, needCategory);
    }

    @Override
    public String toString() {
        return "CustomerMeasures[customerId=" + customerId + ", frequency=" + frequency + ", monetary=" + monetary
                + ", firstOrderDate=" + firstOrderDate() + ", lastOrderDate=" + lastOrderDate()
                + ", recencyDays=" + recencyDays() + ", tenureDays=" + tenureDays()
                + ", purchaseDays=" + purchaseDays + ", ordersRecent=" + ordersRecent
                + ", ordersPrior=" + ordersPrior + ", interactions90d=" + interactions90d
                + ", lastContactDate=" + lastContactDate() + ", lastInboundDate=" + lastInboundDate()
                + ", lastSatisfaction=" + lastSatisfaction() + ", lastSurveyDate=" + lastSurveyDate()
                + ", needCategory=" + needCategory + "]";
    }
}

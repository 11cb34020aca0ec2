package rfm.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One valid order row: amount already in the job's currency; {@code counted} says whether its status counts.
 * Kept compact, as ten million of them pass through a large night: the date as an epoch day, and the amount as
 * {@code units} of {@code 10^-scale} (272.53 is 27253 at scale 2) whenever it has at most 18 digits and a scale of
 * 0 or more, which is every amount an export writes; any other amount is kept as {@code bigAmount}.
 *
 * @param bigAmount the amount when it does not fit units and scale, else null
 */
public record OrderRow(String orderId, String customerId, int orderDay, long units, int scale, BigDecimal bigAmount,
                       boolean counted) {

    /** The largest number of digits kept as units: any 18-digit number fits a long. */
    public static final int MAX_DIGITS = 18;

    public OrderRow(String orderId, String customerId, LocalDate orderDate, BigDecimal amount, boolean counted) {
        this(orderId, customerId, (int) orderDate.toEpochDay(), amount, fits(amount), counted);
    }

    private OrderRow(String orderId, String customerId, int orderDay, BigDecimal amount, boolean fits, boolean counted) {
        this(orderId, customerId, orderDay, fits ? amount.unscaledValue().longValue() : 0, fits ? amount.scale() : 0,
                fits ? null : amount, counted);
    }

    private static boolean fits(BigDecimal amount) {
        return amount.scale() >= 0 && amount.precision() <= MAX_DIGITS;
    }

    public LocalDate orderDate() {
        return LocalDate.ofEpochDay(orderDay);
    }

    /** The amount, with the scale it was written with. */
    public BigDecimal amount() {
        return bigAmount != null ? bigAmount : BigDecimal.valueOf(units, scale);
    }
}

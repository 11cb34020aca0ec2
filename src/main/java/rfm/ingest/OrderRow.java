package rfm.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One valid order row: amount already in the job's currency; {@code counted} says whether its status counts.
 * Kept compact, as ten million of them pass through a large night: the date as an epoch day, and the amount as
 * {@code units} of {@code 10^-scale} (272.53 is 27253 at scale 2) whenever it has at most 18 digits and a scale of
 * 0 or more, which is every amount an export writes; any other amount is kept as {@code bigAmount}; and the
 * customer id, when it packs, as {@link PackedId}'s two words instead of a string.
 *
 * @param customerId the customer id when it does not pack, else null (see {@link #customerId()})
 * @param bigAmount  the amount when it does not fit units and scale, else null
 * @param idWord0    the customer id's first eight characters when it packs (given, or worked out from a
 *                   {@code customerId} that packs), else 0
 */
public record OrderRow(String orderId, String customerId, int orderDay, long units, int scale, BigDecimal bigAmount,
                       boolean counted, long idWord0, long idWord1) {

    /** The largest number of digits kept as units: any 18-digit number fits a long. */
    public static final int MAX_DIGITS = 18;

    public OrderRow {
        if (customerId != null && PackedId.packs(customerId)) {
            idWord0 = PackedId.word(customerId, 0);
            idWord1 = PackedId.word(customerId, 8);
            customerId = null;
        } else if (customerId == null && idWord0 == 0) {
            throw new IllegalArgumentException("an order row without a customer id");
        }
    }

    public OrderRow(String orderId, String customerId, int orderDay, long units, int scale, BigDecimal bigAmount,
                    boolean counted) {
        this(orderId, customerId, orderDay, units, scale, bigAmount, counted, 0, 0);
    }

    public OrderRow(String orderId, String customerId, LocalDate orderDate, BigDecimal amount, boolean counted) {
        this(orderId, customerId, (int) orderDate.toEpochDay(), amount, fits(amount), counted);
    }

    private OrderRow(String orderId, String customerId, int orderDay, BigDecimal amount, boolean fits, boolean counted) {
        this(orderId, customerId, orderDay, fits ? amount.unscaledValue().longValue() : 0, fits ? amount.scale() : 0,
                fits ? null : amount, counted);
    }

    /** The customer id (made from its packed words when it packs). */
    @Override
    public String customerId() {
        return customerId != null ? customerId : PackedId.text(idWord0, idWord1);
    }

    /** The customer id when it does not pack, else null. */
    public String unpackedCustomerId() {
        return customerId;
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

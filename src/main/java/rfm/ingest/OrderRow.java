package rfm.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One valid order row: amount already in the job's currency; {@code counted} says whether its status counts.
 * Kept compact, as ten million of them pass through a large night: the date as an epoch day, and the amount as
 * {@code units} of {@code 10^-scale} (272.53 is 27253 at scale 2) whenever it has at most 18 digits and a scale of
 * 0 or more, which is every amount an export writes; any other amount is kept as {@code bigAmount}; the customer
 * id, when it packs, as {@link PackedId}'s two words, and the order id, when it packs, as {@link PackedOrderId}'s
 * long, instead of strings.
 *
 * @param orderId    the order id when it does not pack, else null (see {@link #orderId()})
 * @param customerId the customer id when it does not pack, else null (see {@link #customerId()})
 * @param bigAmount  the amount when it does not fit units and scale, else null
 * @param idWord0    the customer id's first eight characters when it packs (given, or worked out from a
 *                   {@code customerId} that packs), else 0
 * @param orderCode  the order id packed when it packs (given, or worked out from an {@code orderId} that packs),
 *                   else 0
 */
public record OrderRow(String orderId, String customerId, int orderDay, long units, int scale, BigDecimal bigAmount,
                       boolean counted, long idWord0, long idWord1, long orderCode) {

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
        long packed = orderId == null ? 0 : PackedOrderId.pack(orderId);
        if (packed != 0) {
            orderCode = packed;
            orderId = null;
        } else if (orderId == null && orderCode == 0) {
            throw new IllegalArgumentException("an order row without an order id");
        }
    }

    public OrderRow(String orderId, String customerId, int orderDay, long units, int scale, BigDecimal bigAmount,
                    boolean counted, long idWord0, long idWord1) {
        this(orderId, customerId, orderDay, units, scale, bigAmount, counted, idWord0, idWord1, 0);
    }

    public OrderRow(String orderId, String customerId, int orderDay, long units, int scale, BigDecimal bigAmount,
                    boolean counted) {
        this(orderId, customerId, orderDay, units, scale, bigAmount, counted, 0, 0, 0);
    }

    public OrderRow(String orderId, String customerId, LocalDate orderDate, BigDecimal amount, boolean counted) {
        this(orderId, customerId, (int) orderDate.toEpochDay(), amount, fits(amount), counted);
    }

    private OrderRow(String orderId, String customerId, int orderDay, BigDecimal amount, boolean fits, boolean counted) {
        this(orderId, customerId, orderDay, fits ? amount.unscaledValue().longValue() : 0, fits ? amount.scale() : 0,
                fits ? null : amount, counted);
    }

    /** The order id (made from its packed long when it packs). */
    @Override
    public String orderId() {
        return orderId != null ? orderId : PackedOrderId.text(orderCode);
    }

    /** The order id when it does not pack, else null. */
    public String unpackedOrderId() {
        return orderId;
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

package rfm.measure;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A customer's counted orders so far, kept by the thread that reads orders: the order days (epoch days) and
 * the money in the monetary window. No order rows are kept.
 */
final class OrderTally {

    /** A customer with no order rows. Never added to. */
    static final OrderTally NONE = new OrderTally(null);

    /** Null for almost every customer. */
    final CustomerWatch watch;

    int[] orderDays = new int[0];
    int orderCount;
    int windowOrders;
    BigDecimal windowMonetary = BigDecimal.ZERO;

    OrderTally(CustomerWatch watch) {
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
}

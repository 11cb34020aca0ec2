package rfm.measure;

import java.math.BigDecimal;
import java.util.Arrays;

import rfm.ingest.OrderRow;

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
    /*
     * The money in the window: as a long of units of moneyScale (cents, nearly always) while every amount has
     * that scale and the sum fits, else as a BigDecimal. No BigDecimal per customer and none per order.
     */
    private long money;
    private int moneyScale = -1;
    private BigDecimal bigMoney;

    OrderTally(CustomerWatch watch) {
        this.watch = watch;
    }

    void addCountedOrder(int day, OrderRow order, int windowStartExclusive) {
        if (orderCount == orderDays.length) {
            orderDays = Arrays.copyOf(orderDays, Math.max(4, orderCount * 2));
        }
        orderDays[orderCount++] = day;
        if (day > windowStartExclusive) {
            windowOrders++;
            if (order.bigAmount() == null) {
                addMoney(order.units(), order.scale());
            } else {
                addMoney(order.bigAmount());
            }
        }
    }

    /** Adds units of 10^-scale (at most 18 digits, scale 0 or more: see {@link OrderRow}). */
    private void addMoney(long units, int scale) {
        if (bigMoney == null) {
            if (moneyScale < 0 || scale == moneyScale) {
                long sum = money + units;
                if (((money ^ sum) & (units ^ sum)) >= 0) { // no overflow
                    money = sum;
                    moneyScale = scale;
                    return;
                }
            }
            bigMoney = windowMonetary();
        }
        bigMoney = bigMoney.add(BigDecimal.valueOf(units, scale));
    }

    private void addMoney(BigDecimal amount) {
        if (bigMoney == null) {
            bigMoney = windowMonetary();
        }
        bigMoney = bigMoney.add(amount);
    }

    /** The money of the counted orders in the monetary window. */
    BigDecimal windowMonetary() {
        if (bigMoney != null) {
            return bigMoney;
        }
        return moneyScale < 0 ? BigDecimal.ZERO : BigDecimal.valueOf(money, moneyScale);
    }
}

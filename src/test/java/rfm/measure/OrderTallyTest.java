package rfm.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

import rfm.ingest.OrderRow;

class OrderTallyTest {

    private static BigDecimal sum(String... amounts) {
        OrderTally t = new OrderTally(null);
        for (String a : amounts) {
            add(t, 100, new BigDecimal(a), 0);
        }
        return t.windowMonetary();
    }

    @Test
    void theWindowsMoneyIsTheExactSumWithTheScaleBigDecimalWouldGive() {
        assertThat(sum()).isEqualTo(BigDecimal.ZERO);
        assertThat(sum("12.34", "0.66")).isEqualTo(new BigDecimal("13.00"));
        assertThat(sum("12.34", "5.6")).isEqualTo(new BigDecimal("17.94"));      // scales differ: 2 then 1
        assertThat(sum("0", "12.34")).isEqualTo(new BigDecimal("12.34"));
        assertThat(sum("1E+3", "1")).isEqualTo(new BigDecimal("1001"));          // a negative scale
        assertThat(sum("999999999999999999", "999999999999999999"))               // past a long
                .isEqualTo(new BigDecimal("1999999999999999998"));
        assertThat(sum("9223372036854775.00", "9223372036854775.00", "0.08"))     // the sum overflows a long
                .isEqualTo(new BigDecimal("18446744073709550.08"));
    }

    @Test
    void ordersBeforeTheWindowCountButBringNoMoney() {
        OrderTally t = new OrderTally(null);
        add(t, 5, new BigDecimal("10.00"), 10);
        add(t, 20, new BigDecimal("2.50"), 10);
        assertThat(t.orderCount).isEqualTo(2);
        assertThat(t.windowOrders).isEqualTo(1);
        assertThat(t.windowMonetary()).isEqualTo(new BigDecimal("2.50"));
    }

    @Test
    void agreesWithBigDecimalAdditionOnRandomAmounts() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            OrderTally t = new OrderTally(null);
            BigDecimal expected = BigDecimal.ZERO;
            int n = 1 + random.nextInt(30);
            int scale = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                BigDecimal a = BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(10) == 0 ? random.nextInt(5) : scale);
                add(t, 100, a, 0);
                expected = expected.add(a);
            }
            assertThat(t.windowMonetary()).isEqualTo(expected); // equals: same value and same scale
        }
    }

    /** Adds a counted order of this amount (as an order row carries it: units and scale, or a BigDecimal). */
    private static void add(OrderTally t, int day, BigDecimal amount, int windowStartExclusive) {
        t.addCountedOrder(day, new OrderRow("O", "C", LocalDate.ofEpochDay(day), amount, true), windowStartExclusive);
    }
}

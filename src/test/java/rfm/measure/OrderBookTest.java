package rfm.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import rfm.ingest.OrderRow;

class OrderBookTest {

    private static BigDecimal sum(String... amounts) {
        OrderBook book = new OrderBook(id -> null);
        int c = book.of("C1");
        for (String a : amounts) {
            add(book, c, 100, new BigDecimal(a), 0);
        }
        return book.windowMonetary(c);
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
        assertThat(sum("-2147483648.00", "4294967296.01"))                        // crosses the ints the long is kept in
                .isEqualTo(new BigDecimal("2147483648.01"));
    }

    @Test
    void ordersBeforeTheWindowCountButBringNoMoney() {
        OrderBook book = new OrderBook(id -> null);
        int c = book.of("C1");
        add(book, c, 5, new BigDecimal("10.00"), 10);
        add(book, c, 20, new BigDecimal("2.50"), 10);
        assertThat(book.orderCount(c)).isEqualTo(2);
        assertThat(book.windowOrders(c)).isEqualTo(1);
        assertThat(book.windowMonetary(c)).isEqualTo(new BigDecimal("2.50"));
        assertThat(book.orderDays(c)).containsExactly(5, 20);
    }

    @Test
    void agreesWithBigDecimalAdditionOnRandomAmounts() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            OrderBook book = new OrderBook(id -> null);
            int c = book.of("C" + round);
            BigDecimal expected = BigDecimal.ZERO;
            int n = 1 + random.nextInt(30);
            int scale = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                BigDecimal a = BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(10) == 0 ? random.nextInt(5) : scale);
                add(book, c, 100, a, 0);
                expected = expected.add(a);
            }
            assertThat(book.windowMonetary(c)).isEqualTo(expected); // equals: same value and same scale
        }
    }

    /** Customers numbered in the order first seen, each keeping its own days, interleaved, past many pool blocks. */
    @Test
    void keepsEveryCustomersDaysInTheOrderTheyCame() {
        Random random = new Random(11);
        OrderBook book = new OrderBook(id -> null);
        Map<String, List<Integer>> expected = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 9_000; i++) { // past one page of records (4096 customers)
            ids.add("C" + i);
        }
        for (int row = 0; row < 200_000; row++) {
            // heavy-tailed: a few customers get hundreds of orders (many blocks), most one or a few
            String id = ids.get(random.nextInt(4) == 0 ? random.nextInt(20) : random.nextInt(ids.size()));
            int day = 18_000 + random.nextInt(3_000);
            int c = book.of(id);
            book.addCountedOrder(c, day, order(day, BigDecimal.ONE), Integer.MIN_VALUE);
            expected.computeIfAbsent(id, k -> new ArrayList<>()).add(day);
        }
        assertThat(book.size()).isEqualTo(expected.size());
        for (Map.Entry<String, List<Integer>> e : expected.entrySet()) {
            int c = book.indexOf(e.getKey());
            assertThat(book.id(c)).isEqualTo(e.getKey());
            assertThat(book.orderCount(c)).isEqualTo(e.getValue().size());
            assertThat(book.orderDays(c)).containsExactly(e.getValue().stream().mapToInt(Integer::intValue).toArray());
            assertThat(book.windowMonetary(c)).isEqualTo(BigDecimal.valueOf(e.getValue().size()));
        }
        assertThat(book.indexOf("C-none")).isEqualTo(-1);
    }

    @Test
    void aCustomerNamedOnlyByRowsThatDidNotCountHasAnEmptyRecord() {
        OrderBook book = new OrderBook(id -> null);
        int c = book.of("C1");
        assertThat(book.of("C1")).isEqualTo(c);
        assertThat(book.orderCount(c)).isZero();
        assertThat(book.windowOrders(c)).isZero();
        assertThat(book.windowMonetary(c)).isEqualTo(BigDecimal.ZERO);
        assertThat(book.orderDays(c)).isEmpty();
    }

    @Test
    void handOverKeepsTheRecordsAndStartsOverEmpty() {
        CustomerWatch watch = new CustomerWatch() {
            @Override
            public void countedOrder(int epochDay, BigDecimal amount) {
            }

            @Override
            public void interaction(int epochDay, boolean outbound) {
            }
        };
        OrderBook book = new OrderBook(id -> id.equals("W") ? watch : null);
        int a = book.of("A");
        int w = book.of("W");
        for (int i = 0; i < 40; i++) {
            add(book, a, 100 + i, new BigDecimal("1.5"), 0);
        }
        add(book, w, 7, new BigDecimal("99999999999999999.9"), 0);
        add(book, w, 8, new BigDecimal("99999999999999999.9"), 0); // aside as a BigDecimal
        assertThat(book.watch(a)).isNull();
        assertThat(book.watch(w)).isSameAs(watch);

        OrderBook taken = book.handOver();

        assertThat(book.size()).isZero();
        assertThat(book.indexOf("A")).isEqualTo(-1);
        assertThat(taken.orderCount(a)).isEqualTo(40);
        assertThat(taken.orderDays(a)).hasSize(40).startsWith(100, 101).endsWith(139);
        assertThat(taken.windowMonetary(a)).isEqualTo(new BigDecimal("60.0"));
        assertThat(taken.windowMonetary(w)).isEqualTo(new BigDecimal("199999999999999999.8"));
        assertThat(taken.watch(w)).isSameAs(watch);
        int again = book.of("B");
        assertThat(again).isZero();
        assertThat(book.orderDays(again)).isEmpty();
        assertThat(taken.orderDays(a)).hasSize(40); // the new book's records are its own
    }

    /** Adds a counted order of this amount (as an order row carries it: units and scale, or a BigDecimal). */
    private static void add(OrderBook book, int c, int day, BigDecimal amount, int windowStartExclusive) {
        book.addCountedOrder(c, day, order(day, amount), windowStartExclusive);
    }

    private static OrderRow order(int day, BigDecimal amount) {
        return new OrderRow("O", "C", LocalDate.ofEpochDay(day), amount, true);
    }
}

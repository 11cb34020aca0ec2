package rfm.measure;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import rfm.ingest.OrderRow;

/**
 * Every customer's counted orders so far, kept by the thread that reads orders, in flat arrays instead of an
 * object per customer: number {@code n} of its {@link CustomerRecords} owns a record of
 * {@link #STRIDE} ints (one cache line's worth) holding its counts, its money in the monetary window, and its
 * first {@link #INLINE} order days; its later order days go to blocks of a shared pool, chained from the record.
 * <p>
 * At ten million orders a row then touches the customer's slot in the index, its record and (past the first
 * few orders) the block being filled, where an object per customer cost the slot, the object table, the object
 * and its day array; and the garbage collector has no per-customer objects to copy or scan.
 * <p>
 * Money: a long of units of one scale (cents, nearly always) while every amount has that scale and the sum fits,
 * else a BigDecimal kept aside for that customer (an exact sum with the scale BigDecimal addition gives).
 * Not thread-safe: one thread adds orders (see {@link CustomerLedger}).
 */
final class OrderBook extends CustomerBook {

    /* A customer's record: */
    private static final int COUNT = 0;         // counted orders
    private static final int WINDOW = 1;        // counted orders in the monetary window
    private static final int SCALE = 2;         // the money's scale; NO_MONEY before the first, BIG once aside
    private static final int HEAD = 3;          // the first pool block of days past the inline ones, or -1
    private static final int TAIL = 4;          // the block being filled, or -1
    private static final int MONEY_LOW = 5;     // the money as units of 10^-scale, low and high int
    private static final int MONEY_HIGH = 6;
    private static final int DAYS = 7;          // the first INLINE order days
    static final int INLINE = 9;
    static final int STRIDE = DAYS + INLINE;    // 16 ints, 64 bytes

    private static final int NO_MONEY = -1;
    private static final int BIG = -2;

    /* Pool blocks: the next block's index (-1: none), then BLOCK - 1 days; in pages of 2^20 ints (4 MiB). */
    static final int BLOCK = 16;
    private static final int POOL_SHIFT = 20;
    private static final int POOL_MASK = (1 << POOL_SHIFT) - 1;

    private int[][] pool = new int[4][];
    private int poolNext;
    private final Map<Integer, BigDecimal> bigMoney = new HashMap<>();

    OrderBook(CustomerWatches watchOf) {
        super(new CustomerRecords(blank(), watchOf));
    }

    private static int[] blank() {
        int[] blank = new int[STRIDE];
        blank[SCALE] = NO_MONEY;
        blank[HEAD] = -1;
        blank[TAIL] = -1;
        return blank;
    }

    private OrderBook(CustomerRecords records) {
        super(records);
    }

    /** A counted order of customer {@code n} on {@code day}; its money counts when the day is after the window's start. */
    void addCountedOrder(int n, int day, OrderRow order, int windowStartExclusive) {
        int[] p = records.page(n);
        int at = records.at(n);
        int count = p[at + COUNT];
        if (count < INLINE) {
            p[at + DAYS + count] = day;
        } else {
            addPooledDay(p, at, count - INLINE, day);
        }
        p[at + COUNT] = count + 1;
        if (day > windowStartExclusive) {
            p[at + WINDOW]++;
            if (order.bigAmount() == null) {
                addMoney(p, at, n, order.units(), order.scale());
            } else {
                addBig(p, at, n, order.bigAmount());
            }
        }
    }

    /** The records and then, past their inline days, the pool blocks their next days go to. */
    @Override
    int touch(int[] numbers, int count) {
        int read = 0;
        for (int i = 0; i < count; i++) {
            int n = numbers[i];
            if (n < 0) {
                continue;
            }
            int[] p = records.page(n);
            int at = records.at(n);
            int k = p[at + COUNT] - INLINE;
            read += k;
            // where the next day goes when that is in the tail block (not inline, not a new block), else -1
            numbers[i] = k < 0 || k % (BLOCK - 1) == 0 ? -1 : p[at + TAIL] + 1 + k % (BLOCK - 1);
        }
        for (int i = 0; i < count; i++) {
            int day = numbers[i];
            if (day >= 0) {
                read += pool[day >>> POOL_SHIFT][day & POOL_MASK];
            }
        }
        return read;
    }

    /** The {@code k}-th day past the inline ones (0-based). */
    private void addPooledDay(int[] p, int at, int k, int day) {
        int slot = k % (BLOCK - 1);
        int block;
        if (slot == 0) { // a new block, chained after the tail
            block = newBlock();
            if (p[at + TAIL] < 0) {
                p[at + HEAD] = block;
            } else {
                int tail = p[at + TAIL];
                pool[tail >>> POOL_SHIFT][tail & POOL_MASK] = block;
            }
            p[at + TAIL] = block;
        } else {
            block = p[at + TAIL];
        }
        pool[block >>> POOL_SHIFT][(block & POOL_MASK) + 1 + slot] = day;
    }

    private int newBlock() {
        int block = poolNext;
        int page = block >>> POOL_SHIFT;
        if (page == pool.length) {
            pool = Arrays.copyOf(pool, page * 2);
        }
        if (pool[page] == null) {
            pool[page] = new int[1 << POOL_SHIFT];
        }
        pool[page][block & POOL_MASK] = -1;
        poolNext += BLOCK;
        return block;
    }

    /** Adds units of 10^-scale (at most 18 digits, scale 0 or more: see {@link OrderRow}). */
    private void addMoney(int[] p, int at, int n, long units, int scale) {
        int current = p[at + SCALE];
        if (current == NO_MONEY || current == scale) {
            long money = money(p, at);
            long sum = money + units;
            if (((money ^ sum) & (units ^ sum)) >= 0) { // no overflow
                p[at + MONEY_LOW] = (int) sum;
                p[at + MONEY_HIGH] = (int) (sum >>> 32);
                p[at + SCALE] = scale;
                return;
            }
        }
        addBig(p, at, n, BigDecimal.valueOf(units, scale));
    }

    private void addBig(int[] p, int at, int n, BigDecimal amount) {
        BigDecimal sum = windowMonetary(p, at, n).add(amount);
        p[at + SCALE] = BIG;
        bigMoney.put(n, sum);
    }

    private static long money(int[] p, int at) {
        return (long) p[at + MONEY_HIGH] << 32 | (p[at + MONEY_LOW] & 0xFFFF_FFFFL);
    }

    private BigDecimal windowMonetary(int[] p, int at, int n) {
        int scale = p[at + SCALE];
        if (scale == BIG) {
            return bigMoney.get(n);
        }
        return scale == NO_MONEY ? BigDecimal.ZERO : BigDecimal.valueOf(money(p, at), scale);
    }

    /** The money of customer {@code n}'s counted orders in the monetary window. */
    BigDecimal windowMonetary(int n) {
        return windowMonetary(records.page(n), records.at(n), n);
    }

    /** How many counted orders customer {@code n} has. */
    int orderCount(int n) {
        return records.page(n)[records.at(n) + COUNT];
    }

    /** How many of them are in the monetary window. */
    int windowOrders(int n) {
        return records.page(n)[records.at(n) + WINDOW];
    }

    /** Customer {@code n}'s order days, in the order they came ({@link #orderCount} of them). */
    int[] orderDays(int n) {
        int[] p = records.page(n);
        int at = records.at(n);
        int count = p[at + COUNT];
        int[] days = new int[count];
        System.arraycopy(p, at + DAYS, days, 0, Math.min(count, INLINE));
        int i = INLINE;
        for (int block = p[at + HEAD]; block >= 0 && i < count; ) {
            int[] page = pool[block >>> POOL_SHIFT];
            int b = block & POOL_MASK;
            int take = Math.min(BLOCK - 1, count - i);
            System.arraycopy(page, b + 1, days, i, take);
            i += take;
            block = page[b];
        }
        return days;
    }

    /**
     * The records so far, for one last pass (reading only: no {@link #of}, {@link #id} or {@link #indexOf}); this
     * book starts over empty, and the id table is let go at once.
     */
    OrderBook handOver() {
        OrderBook taken = new OrderBook(records.handOver());
        taken.pool = pool;
        taken.poolNext = poolNext;
        taken.bigMoney.putAll(bigMoney);
        pool = new int[4][];
        poolNext = 0;
        bigMoney.clear();
        return taken;
    }
}

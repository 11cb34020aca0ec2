package rfm.measure;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Customers numbered 0, 1, 2, ... by an {@link IdIndex} in the order first seen, each with a record of a fixed
 * number of ints, in pages of 4096 records so that growing never copies them. One kind of row keeps its running
 * state per customer in these records instead of an object per customer: a row then touches the id's slot and
 * the record, and the garbage collector has no per-customer objects to copy or scan.
 * Not thread-safe: one thread adds (see {@link CustomerLedger}); after {@link #handOver}, any number may read.
 */
final class CustomerRecords {

    private static final int PAGE_SHIFT = 12;
    private static final int PAGE_MASK = (1 << PAGE_SHIFT) - 1;

    private final int[] blank;
    private final Function<String, CustomerWatch> watchOf;
    private IdIndex index;
    private int[][] pages;
    private final Map<Integer, CustomerWatch> watches;

    /**
     * @param blank   a new customer's record (its length is every record's)
     * @param watchOf a customer's watch, or null for most (asked once per customer, at its first row)
     */
    CustomerRecords(int[] blank, Function<String, CustomerWatch> watchOf) {
        this(blank.clone(), watchOf, new IdIndex(), new int[16][], new HashMap<>());
    }

    private CustomerRecords(int[] blank, Function<String, CustomerWatch> watchOf, IdIndex index, int[][] pages,
                            Map<Integer, CustomerWatch> watches) {
        this.blank = blank;
        this.watchOf = watchOf;
        this.index = index;
        this.pages = pages;
        this.watches = watches;
    }

    /** The customer's number, made now (with a blank record) if this is its first row. */
    int of(String customerId) {
        int before = index.size();
        int n = index.add(customerId);
        if (n == before) {
            int page = n >>> PAGE_SHIFT;
            if (page == pages.length) {
                pages = Arrays.copyOf(pages, page * 2);
            }
            if (pages[page] == null) {
                pages[page] = new int[blank.length << PAGE_SHIFT];
            }
            System.arraycopy(blank, 0, pages[page], at(n), blank.length);
            CustomerWatch w = watchOf.apply(customerId);
            if (w != null) {
                watches.put(n, w);
            }
        }
        return n;
    }

    /** See {@link IdIndex#expect}; before the first customer. */
    void expect(int customers) {
        index.expect(customers);
    }

    /** See {@link IdIndex#peek}. */
    void peek(String[] customerIds, int count, int[] numbers) {
        index.peek(customerIds, count, numbers);
    }

    /** The page holding customer {@code n}'s record, which starts at {@link #at}. */
    int[] page(int n) {
        return pages[n >>> PAGE_SHIFT];
    }

    int at(int n) {
        return (n & PAGE_MASK) * blank.length;
    }

    /** The watch of customer {@code n}, or null. */
    CustomerWatch watch(int n) {
        return watches.isEmpty() ? null : watches.get(n);
    }

    int size() {
        return index.size();
    }

    String id(int number) {
        return index.id(number);
    }

    /** The customer's number, or -1 when no row named it. */
    int indexOf(String customerId) {
        return index.indexOf(customerId);
    }

    /**
     * The records so far, for one last pass (reading only: no {@link #of}, {@link #id} or {@link #indexOf}); these
     * records start over empty, and the id table is let go at once.
     */
    CustomerRecords handOver() {
        CustomerRecords taken = new CustomerRecords(blank, watchOf, null, pages, new HashMap<>(watches));
        index = new IdIndex();
        pages = new int[16][];
        watches.clear();
        return taken;
    }
}

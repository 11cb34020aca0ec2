package rfm.measure;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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
    private final CustomerWatches watchOf;
    private IdIndex index;
    private int[][] pages;
    private final Map<Integer, CustomerWatch> watches;

    /**
     * @param blank   a new customer's record (its length is every record's)
     * @param watchOf the customers to follow row by row
     */
    CustomerRecords(int[] blank, CustomerWatches watchOf) {
        this(blank.clone(), watchOf, new IdIndex(), new int[16][], new HashMap<>());
    }

    private CustomerRecords(int[] blank, CustomerWatches watchOf, IdIndex index, int[][] pages,
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
            added(n, customerId);
        }
        return n;
    }

    /** As {@link #of(String)}, for an id in {@link rfm.ingest.PackedId}'s words. */
    int of(long w0, long w1) {
        int before = index.size();
        int n = index.add(w0, w1);
        if (n == before) {
            added(n, null);
        }
        return n;
    }

    /** Gives new customer {@code n} its blank record and, if it has one, its watch ({@code id}: null if not at hand). */
    private void added(int n, String id) {
        int page = n >>> PAGE_SHIFT;
        if (page == pages.length) {
            pages = Arrays.copyOf(pages, page * 2);
        }
        if (pages[page] == null) {
            pages[page] = new int[blank.length << PAGE_SHIFT];
        }
        System.arraycopy(blank, 0, pages[page], at(n), blank.length);
        if (!watchOf.none()) {
            CustomerWatch w = watchOf.of(id != null ? id : index.id(n));
            if (w != null) {
                watches.put(n, w);
            }
        }
    }

    /** See {@link IdIndex#expect}; before the first customer. */
    void expect(int customers) {
        index.expect(customers);
    }

    /** See {@link IdIndex#peek}. */
    int peek(long[] words0, long[] words1, int count, int[] numbers) {
        return index.peek(words0, words1, count, numbers);
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

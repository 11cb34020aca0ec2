package rfm.measure;

import java.util.Arrays;
import java.util.function.Function;

/**
 * One kind of row's running state, per customer: an {@link IdIndex} numbers the customers, and each number has
 * its tally. Touched by one thread (see {@link CustomerLedger}).
 */
final class Tallies<T> {

    private final Function<String, T> create;
    private IdIndex index;
    private Object[] byNumber;

    Tallies(Function<String, T> create) {
        this(create, new IdIndex(), new Object[1 << 10]);
    }

    private Tallies(Function<String, T> create, IdIndex index, Object[] byNumber) {
        this.create = create;
        this.index = index;
        this.byNumber = byNumber;
    }

    /** The customer's tally, made now if this is its first row. */
    T of(String customerId) {
        int n = index.add(customerId);
        if (n == byNumber.length) {
            byNumber = Arrays.copyOf(byNumber, n * 2);
        }
        T t = get(n);
        if (t == null) {
            t = create.apply(customerId);
            byNumber[n] = t;
        }
        return t;
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

    @SuppressWarnings("unchecked")
    T get(int number) {
        return (T) byNumber[number];
    }

    /** The tally numbered {@code number}, no longer held here. */
    T take(int number) {
        T t = get(number);
        byNumber[number] = null;
        return t;
    }

    /**
     * The tallies so far, by number, for one last pass ({@link #get}, {@link #take}); these tallies start over
     * empty, and the id table is let go at once.
     */
    Tallies<T> handOver() {
        Tallies<T> taken = new Tallies<>(create, null, byNumber);
        index = new IdIndex();
        byNumber = new Object[1 << 10];
        return taken;
    }
}

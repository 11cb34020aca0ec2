package rfm.measure;

/**
 * What every kind of row's book shares: its customers, numbered in the order first seen, each with a record in
 * {@link #records} that the book reads and writes in its own layout.
 */
abstract class CustomerBook {

    final CustomerRecords records;
    /* prefetch()'s customer numbers */
    private int[] numbers = new int[0];

    CustomerBook(CustomerRecords records) {
        this.records = records;
    }

    /** The customer's number, made now (with a blank record) if this is its first row. */
    final int of(String customerId) {
        return records.of(customerId);
    }

    /**
     * As {@link #of(String)}, for a row's customer: in {@link rfm.ingest.PackedId}'s words when the first is not 0,
     * else {@code customerId}.
     */
    final int of(long w0, long w1, String customerId) {
        return w0 != 0 ? records.of(w0, w1) : records.of(customerId);
    }

    /**
     * Reads, and changes nothing, what rows of these customers are about to touch: their slots in the index and,
     * for the customers found there, their records ({@link #touch}); returns something read, which the caller
     * must keep somewhere or the compiler drops the reads. Each stage reads for every row before the next stage
     * starts, so that the rows' cache misses overlap instead of coming one after another between the rows' other
     * work; the rows added right after find what they need in the cache.
     */
    final int prefetch(long[] words0, long[] words1, int count) {
        if (numbers.length < count) {
            numbers = new int[count];
        }
        int read = records.peek(words0, words1, count, numbers);
        return read + touch(numbers, count);
    }

    /**
     * Reads what adding a row of each of these customers will touch (see {@link #prefetch}; -1: not found), by
     * default their records.
     */
    int touch(int[] numbers, int count) {
        int read = 0;
        for (int i = 0; i < count; i++) {
            int n = numbers[i];
            if (n >= 0) {
                read += records.page(n)[records.at(n)];
            }
        }
        return read;
    }

    /** The watch of customer {@code n}, or null. */
    final CustomerWatch watch(int n) {
        return records.watch(n);
    }

    final int size() {
        return records.size();
    }

    final String id(int number) {
        return records.id(number);
    }

    /** The customer's number, or -1 when no row named it. */
    final int indexOf(String customerId) {
        return records.indexOf(customerId);
    }
}

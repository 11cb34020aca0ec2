package rfm.measure;

/**
 * What every kind of row's book shares: its customers, numbered in the order first seen, each with a record in
 * {@link #records} that the book reads and writes in its own layout.
 */
abstract class CustomerBook {

    final CustomerRecords records;

    CustomerBook(CustomerRecords records) {
        this.records = records;
    }

    /** The customer's number, made now (with a blank record) if this is its first row. */
    final int of(String customerId) {
        return records.of(customerId);
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

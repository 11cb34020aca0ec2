package rfm.measure;

/** Which customers a book follows row by row (see {@link CustomerWatch}): asked once per customer, at its first row. */
@FunctionalInterface
interface CustomerWatches {

    /** The customer's watch, or null (most customers). */
    CustomerWatch of(String customerId);

    /** True when no customer has a watch, so that a new customer's id need not be made into a string to ask. */
    default boolean none() {
        return false;
    }
}

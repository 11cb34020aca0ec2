package rfm.ingest;

import java.time.LocalDate;

/** A row of customers.csv: who the customer is and who looks after it. Empty strings, never null. */
public record CustomerProfile(String customerId, String name, String phone, String email, String company,
                              String industry, String region, String owner, String preferredChannel,
                              boolean optOut, LocalDate createdAt, boolean rejected) {

    public CustomerProfile(String customerId, String name, String phone, String email, String company, String industry,
                           String region, String owner, String preferredChannel, boolean optOut, LocalDate createdAt) {
        this(customerId, name, phone, email, company, industry, region, owner, preferredChannel, optOut, createdAt, false);
    }

    /** The profile of a customer that appears in orders or interactions but not in customers.csv. */
    public static CustomerProfile unknown(String customerId) {
        return new CustomerProfile(customerId, "", "", "", "", "", "", "", "", false, null);
    }

    /**
     * The profile of a customer whose only customers.csv rows were bad rows: nothing is known of it, not even
     * whether it opted out, so it gets no revisit task.
     */
    public static CustomerProfile rejectedRow(String customerId) {
        return new CustomerProfile(customerId, "", "", "", "", "", "", "", "", false, null, true);
    }
}

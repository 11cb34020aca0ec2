package rfm.measure;

import rfm.ingest.CustomerProfile;

/** A customer's profile (from customers.csv, or empty) with its measures. */
public record MeasuredCustomer(CustomerProfile profile, CustomerMeasures measures) {

    public String customerId() {
        return measures.customerId();
    }
}

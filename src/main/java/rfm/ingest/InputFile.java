package rfm.ingest;

import java.util.List;

/** The three input files of a run, with their default names and the fields each must and may have. */
public enum InputFile {
    ORDERS("orders.csv", true,
            List.of("order_id", "customer_id", "order_date", "amount"),
            List.of("currency", "status")),
    INTERACTIONS("interactions.csv", false,
            List.of("interaction_id", "customer_id", "occurred_at", "channel", "direction"),
            List.of("satisfaction", "topic")),
    CUSTOMERS("customers.csv", false,
            List.of("customer_id"),
            List.of("name", "phone", "email", "company", "industry", "region", "owner", "preferred_channel",
                    "opt_out", "created_at"));

    private final String fileName;
    private final boolean required;
    private final List<String> requiredFields;
    private final List<String> optionalFields;

    InputFile(String fileName, boolean required, List<String> requiredFields, List<String> optionalFields) {
        this.fileName = fileName;
        this.required = required;
        this.requiredFields = requiredFields;
        this.optionalFields = optionalFields;
    }

    public String fileName() {
        return fileName;
    }

    public boolean required() {
        return required;
    }

    public List<String> requiredFields() {
        return requiredFields;
    }

    public List<String> optionalFields() {
        return optionalFields;
    }

    /**
     * A parser of this input's records under a file's header: each record to a valid or a bad row. Parsers keep
     * state between calls, so each belongs to one thread.
     */
    public RowParser parser(Header header, IngestSettings settings) {
        return switch (this) {
            case ORDERS -> {
                OrderParser orders = new OrderParser(header, settings);
                yield new RowParser(orders::parse, orders::parse);
            }
            case INTERACTIONS -> {
                InteractionParser interactions = new InteractionParser(header, settings);
                yield new RowParser(interactions::parse, interactions::parse);
            }
            case CUSTOMERS -> {
                CustomerProfileParser customers = new CustomerProfileParser(header, settings);
                yield new RowParser(customers::parse, customers::parse);
            }
        };
    }
}

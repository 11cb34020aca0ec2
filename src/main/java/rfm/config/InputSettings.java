package rfm.config;

import rfm.ingest.InputFile;

/** Where and how each of the three inputs is read. */
public record InputSettings(InputFileSettings orders, InputFileSettings interactions, InputFileSettings customers) {

    public InputSettings {
        if (orders == null || interactions == null || customers == null) {
            throw new IllegalArgumentException("inputs needs orders, interactions and customers");
        }
    }

    public InputFileSettings of(InputFile file) {
        return switch (file) {
            case ORDERS -> orders;
            case INTERACTIONS -> interactions;
            case CUSTOMERS -> customers;
        };
    }
}

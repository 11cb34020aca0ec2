package rfm.classify;

/** Where a customer stands in its life with the shop; SPEC's "Lifecycle stage", first match wins. */
public enum LifecycleStage {
    POTENTIAL, CHURNED, DORMANT, NEW, LOYAL, ACTIVE;

    public boolean dormant() {
        return this == DORMANT;
    }

    /** Only these stages can carry the churn-risk flag. */
    public boolean canChurn() {
        return this == NEW || this == ACTIVE || this == LOYAL;
    }
}

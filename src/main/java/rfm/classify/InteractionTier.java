package rfm.classify;

/** How much contact a customer had in the last 90 days. */
public enum InteractionTier {
    HIGH, LOW, NONE
}

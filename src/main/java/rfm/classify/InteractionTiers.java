package rfm.classify;

/** Interaction tier bounds over interactions_90d: HIGH at highMin or more, LOW at lowMin or more, else NONE. */
public record InteractionTiers(int highMin, int lowMin) {

    public InteractionTiers {
        if (lowMin < 1 || highMin <= lowMin) {
            throw new IllegalArgumentException("need 1 <= low-min < high-min, got low-min " + lowMin + ", high-min " + highMin);
        }
    }

    public InteractionTier tierOf(int interactions) {
        if (interactions >= highMin) {
            return InteractionTier.HIGH;
        }
        return interactions >= lowMin ? InteractionTier.LOW : InteractionTier.NONE;
    }
}

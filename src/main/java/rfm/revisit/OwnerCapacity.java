package rfm.revisit;

/** An owner whose daily capacity differs from the default. */
public record OwnerCapacity(String owner, Integer perDay) {

    public OwnerCapacity {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("owner is required");
        }
        if (perDay == null || perDay < 1) {
            throw new IllegalArgumentException("per-day of owner " + owner + " must be at least 1");
        }
        owner = owner.strip();
    }
}

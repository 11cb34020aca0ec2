package rfm.revisit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How many tasks an owner can work per day: a default, with per-owner overrides. */
public record Capacity(Integer perDay, List<OwnerCapacity> owners) {

    public Capacity {
        if (perDay == null || perDay < 1) {
            throw new IllegalArgumentException("per-day must be at least 1");
        }
        owners = owners == null ? List.of() : List.copyOf(owners);
        Map<String, Integer> seen = new HashMap<>();
        for (OwnerCapacity o : owners) {
            if (seen.put(o.owner(), o.perDay()) != null) {
                throw new IllegalArgumentException("owner " + o.owner() + " is listed twice");
            }
        }
    }

    public int perDay(String owner) {
        for (OwnerCapacity o : owners) {
            if (o.owner().equals(owner)) {
                return o.perDay();
            }
        }
        return perDay;
    }
}

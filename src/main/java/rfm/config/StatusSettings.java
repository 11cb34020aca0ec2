package rfm.config;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Order statuses that count, and those known not to; any other status is a bad row (UNKNOWN_STATUS). */
public record StatusSettings(List<String> counted, List<String> uncounted) {

    public StatusSettings {
        if (counted == null || counted.isEmpty()) {
            throw new IllegalArgumentException("counted must list at least one status, e.g. [PAID, COMPLETED]");
        }
        uncounted = uncounted == null ? List.of() : List.copyOf(uncounted);
        counted = List.copyOf(counted);
        Set<String> both = new HashSet<>();
        counted.forEach(s -> both.add(s.strip().toUpperCase(Locale.ROOT)));
        for (String s : uncounted) {
            if (both.contains(s.strip().toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("status " + s + " is listed as both counted and uncounted");
            }
        }
    }
}

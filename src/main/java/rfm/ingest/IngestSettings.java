package rfm.ingest;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How input values are read: which order statuses count, the job's currency and conversion rates, date and
 * amount formats, and how long an id may be.
 *
 * @param ratesToCurrency amount in the job's currency for one unit of another currency; empty for none
 */
public record IngestSettings(Set<String> countedStatuses, Set<String> uncountedStatuses, String currency,
                             Map<String, BigDecimal> ratesToCurrency, DateTimeText dates, AmountFormat amounts,
                             int maxIdLength) {

    /** Settings with plain amounts and a 64-character id limit. */
    public IngestSettings(Set<String> countedStatuses, Set<String> uncountedStatuses, String currency,
                          Map<String, BigDecimal> ratesToCurrency, DateTimeText dates) {
        this(countedStatuses, uncountedStatuses, currency, ratesToCurrency, dates, AmountFormat.plain(), 64);
    }

    public IngestSettings {
        countedStatuses = upper(countedStatuses);
        uncountedStatuses = upper(uncountedStatuses);
        currency = currency.strip().toUpperCase(Locale.ROOT);
        ratesToCurrency = ratesToCurrency.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().strip().toUpperCase(Locale.ROOT), Map.Entry::getValue));
    }

    private static Set<String> upper(Set<String> s) {
        // in the job file's order: the sets are printed in reject messages, which must not change from run to run
        Set<String> upper = new LinkedHashSet<>();
        for (String v : s) {
            upper.add(v.strip().toUpperCase(Locale.ROOT));
        }
        return Collections.unmodifiableSet(upper);
    }
}

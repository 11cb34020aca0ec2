package rfm.measure;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * SPEC's per-customer measures at the as-of date. Order fields are null for a prospect (no counted order).
 *
 * @param ordersRecent counted orders in (D-w, D], w = the DECLINING window
 * @param ordersPrior counted orders in (D-2w, D-w]
 */
public record CustomerMeasures(String customerId, int frequency, BigDecimal monetary,
                               LocalDate firstOrderDate, LocalDate lastOrderDate,
                               Integer recencyDays, Integer tenureDays, int purchaseDays,
                               int ordersRecent, int ordersPrior,
                               int interactions90d, LocalDate lastContactDate, LocalDate lastInboundDate,
                               Integer lastSatisfaction, LocalDate lastSurveyDate, NeedCategory needCategory) {

    /** A buyer has at least one counted order on or before the as-of date. */
    public boolean buyer() {
        return lastOrderDate != null;
    }
}

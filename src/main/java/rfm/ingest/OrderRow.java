package rfm.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One valid order row: amount already in the job's currency; {@code counted} says whether its status counts. */
public record OrderRow(String orderId, String customerId, LocalDate orderDate, BigDecimal amount, boolean counted) {
}

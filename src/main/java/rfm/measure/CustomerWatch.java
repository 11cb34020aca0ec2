package rfm.measure;

import java.math.BigDecimal;

/**
 * Follows one customer's rows as the inputs stream past, for what the per-customer measures do not keep (the
 * revisit follow-ups: did an order or a reply come after a task). Sees only what counts: counted orders (first
 * row of an id, on or before the as-of date) and interactions on or before the as-of date. Orders and
 * interactions arrive on different threads.
 */
public interface CustomerWatch {

    void countedOrder(int epochDay, BigDecimal amount);

    void interaction(int epochDay, boolean outbound);
}

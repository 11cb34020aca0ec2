package rfm.revisit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import rfm.measure.CustomerWatch;

/**
 * What came of one revisit task (回访效果): whether the customer placed a counted order or replied (an IN
 * interaction) in its follow-up window, which opens the day after the task was issued (the list reaches staff
 * the morning after its as-of date, and they may call any day up to the due date) and closes
 * {@code windowDays} after the due date. An order on the issuing date or earlier came before the task; one after
 * the window came too late to credit it. Revenue is the sum of the counted orders in the window.
 * <p>
 * Filled while the inputs stream past (see {@link #watches}): orders and interactions arrive on different
 * threads and touch different fields; read the result after both have finished.
 */
public final class RevisitOutcome {

    private final IssuedTask task;
    private final int opensAfter;
    private final int closes;
    private int orders;
    private BigDecimal revenue = BigDecimal.ZERO;
    private boolean replied;

    public RevisitOutcome(IssuedTask task, int windowDays) {
        this.task = task;
        this.opensAfter = (int) task.issuedOn().toEpochDay();
        this.closes = (int) task.followUpEnds(windowDays).toEpochDay();
    }

    /** An outcome known already (kept in the history). */
    public static RevisitOutcome known(IssuedTask task, int windowDays, boolean converted, int orders, BigDecimal revenue) {
        RevisitOutcome o = new RevisitOutcome(task, windowDays);
        o.replied = converted; // converted() is "an order or a reply"
        o.orders = orders;
        o.revenue = revenue;
        return o;
    }

    private boolean inWindow(int day) {
        return day > opensAfter && day <= closes;
    }

    void countedOrder(int day, BigDecimal amount) {
        if (inWindow(day)) {
            orders++;
            revenue = revenue.add(amount);
        }
    }

    void interaction(int day, boolean outbound) {
        if (!outbound && inWindow(day)) {
            replied = true;
        }
    }

    public IssuedTask task() {
        return task;
    }

    /** A counted order or a reply in the window. */
    public boolean converted() {
        return orders > 0 || replied;
    }

    public int ordersAfter() {
        return orders;
    }

    public BigDecimal revenueAfter() {
        return revenue;
    }

    /** What the ledger follows for these outcomes: one watch per customer, over all of its tasks. */
    public static Map<String, CustomerWatch> watches(List<RevisitOutcome> outcomes) {
        Map<String, List<RevisitOutcome>> byCustomer = new HashMap<>();
        for (RevisitOutcome o : outcomes) {
            byCustomer.computeIfAbsent(o.task.customerId(), k -> new ArrayList<>()).add(o);
        }
        Map<String, CustomerWatch> watches = new HashMap<>();
        byCustomer.forEach((customer, list) -> watches.put(customer, new CustomerWatch() {
            @Override
            public void countedOrder(int epochDay, BigDecimal amount) {
                list.forEach(o -> o.countedOrder(epochDay, amount));
            }

            @Override
            public void interaction(int epochDay, boolean outbound) {
                list.forEach(o -> o.interaction(epochDay, outbound));
            }
        }));
        return watches;
    }
}

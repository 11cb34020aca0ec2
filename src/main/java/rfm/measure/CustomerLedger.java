package rfm.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import rfm.ingest.CustomerProfile;
import rfm.ingest.InteractionRow;
import rfm.ingest.OrderRow;

/**
 * Folds the valid rows of all inputs into per-customer measures, applying SPEC's counting rules:
 * the first row of an order id wins, orders after the as-of date and uncounted statuses do not count,
 * interactions after the as-of date are ignored. Every customer named by a valid row appears.
 * <p>
 * Threads: orders, interactions and customer profiles may be added from three different threads at once (one
 * thread per kind of row), because each kind touches its own part of a customer's state and the customer map
 * is concurrent. {@link #measure()} must come after all of them have finished.
 */
public final class CustomerLedger {

    /** What became of an order row. */
    public enum OrderVerdict { COUNTED, NOT_COUNTED_STATUS, DUPLICATE, FUTURE_DATED }

    /** What became of an interaction row. */
    public enum InteractionVerdict { USED, AFTER_AS_OF }

    /** What became of a customers.csv row. */
    public enum ProfileVerdict { USED, DUPLICATE }

    private final MeasureSettings settings;
    private final int asOfDay;
    private final int monetaryWindowStart;
    private final Map<String, CustomerAccumulator> customers = new ConcurrentHashMap<>(1 << 16);
    private OrderIdSet orderIds = new OrderIdSet();
    private final Set<String> rejectedProfiles = new HashSet<>();
    private Map<String, ? extends CustomerWatch> watches = Map.of();

    public CustomerLedger(MeasureSettings settings) {
        this.settings = settings;
        this.asOfDay = (int) settings.asOf().toEpochDay();
        this.monetaryWindowStart = settings.monetaryWindowDays() == null
                ? Integer.MIN_VALUE : asOfDay - settings.monetaryWindowDays();
    }

    /** Customers to follow row by row (see {@link CustomerWatch}); set before the first row. */
    public void watch(Map<String, ? extends CustomerWatch> watches) {
        if (!customers.isEmpty()) {
            throw new IllegalStateException("watch() after the first row");
        }
        this.watches = Map.copyOf(watches);
    }

    public OrderVerdict add(OrderRow order) {
        if (orderIds == null) {
            throw new IllegalStateException("an order after ordersComplete(): order " + order.orderId());
        }
        if (!orderIds.add(order.orderId())) {
            customer(order.customerId());
            return OrderVerdict.DUPLICATE;
        }
        CustomerAccumulator c = customer(order.customerId());
        int day = (int) order.orderDate().toEpochDay();
        if (day > asOfDay) {
            return OrderVerdict.FUTURE_DATED;
        }
        if (!order.counted()) {
            return OrderVerdict.NOT_COUNTED_STATUS;
        }
        c.addCountedOrder(day, order.amount(), monetaryWindowStart);
        if (c.watch != null) {
            c.watch.countedOrder(day, order.amount());
        }
        return OrderVerdict.COUNTED;
    }

    public InteractionVerdict add(InteractionRow row) {
        CustomerAccumulator c = customer(row.customerId());
        int day = (int) row.occurredAt().toLocalDate().toEpochDay();
        if (day > asOfDay) {
            return InteractionVerdict.AFTER_AS_OF;
        }
        NeedCategory need = settings.needKeywords().categoryOf(row.topic());
        c.addInteraction(day, row.occurredAt(), row.outbound(), row.satisfaction(), row.survey(), need, asOfDay, settings);
        if (c.watch != null) {
            c.watch.interaction(day, row.outbound());
        }
        return InteractionVerdict.USED;
    }

    public ProfileVerdict add(CustomerProfile profile) {
        CustomerAccumulator c = customer(profile.customerId());
        if (c.profile != null) {
            return ProfileVerdict.DUPLICATE;
        }
        c.profile = profile;
        return ProfileVerdict.USED;
    }

    /**
     * A customers.csv row naming this customer was a bad row. It does not make the customer appear; if no
     * valid row describes it either, its profile says so, and no one is sent to a customer who may have opted out.
     */
    public void profileRejected(String customerId) {
        rejectedProfiles.add(customerId);
    }

    /**
     * Every order row is in: the order ids kept to find duplicates are let go (at 10 million orders, a few
     * hundred megabytes the later steps can use). Adding an order after this is an error.
     */
    public void ordersComplete() {
        orderIds = null;
    }

    public int customerCount() {
        return customers.size();
    }

    /** Every customer with its measures, ordered by customer id. */
    public List<MeasuredCustomer> measure() {
        return measure(false);
    }

    /**
     * Like {@link #measure()}, but empties the ledger as it goes, so that each customer's running state can be
     * freed as soon as its measures exist instead of both being held for every customer at once.
     */
    public List<MeasuredCustomer> drain() {
        List<MeasuredCustomer> result = measure(true);
        rejectedProfiles.clear();
        return result;
    }

    private List<MeasuredCustomer> measure(boolean release) {
        String[] ids = customers.keySet().toArray(new String[0]);
        Arrays.sort(ids);
        List<MeasuredCustomer> result = new ArrayList<>(ids.length);
        for (String id : ids) {
            CustomerAccumulator c = release ? customers.remove(id) : customers.get(id);
            CustomerProfile profile = c.profile != null ? c.profile
                    : rejectedProfiles.contains(id) ? CustomerProfile.rejectedRow(id) : CustomerProfile.unknown(id);
            result.add(new MeasuredCustomer(profile, c.measures(id, settings)));
        }
        return result;
    }

    private CustomerAccumulator customer(String id) {
        CustomerAccumulator c = customers.get(id); // lock-free for the customers already seen, most rows
        return c != null ? c : customers.computeIfAbsent(id, k -> new CustomerAccumulator(watches.get(k)));
    }
}

package rfm.measure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import rfm.ingest.CustomerProfile;
import rfm.ingest.InteractionRow;
import rfm.ingest.OrderRow;

/**
 * Folds the valid rows of all inputs into per-customer measures, applying SPEC's counting rules:
 * the first row of an order id wins, orders after the as-of date and uncounted statuses do not count,
 * interactions after the as-of date are ignored. Every customer named by a valid row appears.
 * <p>
 * Threads: orders, interactions and customer profiles may be added from three different threads at once (one
 * thread per kind of row): each kind keeps its own part of the state (its own book of customer records, or
 * the profile map), which no other thread touches. {@link #measure()} must come after all of them have finished
 * (the step executions hand over through the job's thread pool, which orders the writes before it).
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
    private Map<String, ? extends CustomerWatch> watches = Map.of();
    /* Each kind of row has its own part of the state, touched by one thread only: no locks, no shared cache lines. */
    private final CustomerWatches watchOf = new CustomerWatches() {
        @Override
        public CustomerWatch of(String customerId) {
            return watches.get(customerId);
        }

        @Override
        public boolean none() {
            return watches.isEmpty();
        }
    };
    private final OrderBook orders = new OrderBook(watchOf);
    private OrderIdSet orderIds = new OrderIdSet();
    private final InteractionBook interactions = new InteractionBook(watchOf);
    private Map<String, CustomerProfile> profiles = new HashMap<>();
    private final Set<String> rejectedProfiles = new HashSet<>();

    public CustomerLedger(MeasureSettings settings) {
        this.settings = settings;
        this.asOfDay = (int) settings.asOf().toEpochDay();
        this.monetaryWindowStart = settings.monetaryWindowDays() == null
                ? Integer.MIN_VALUE : asOfDay - settings.monetaryWindowDays();
    }

    /**
     * About how many order rows are coming (a guess from the files' sizes), so that the order ids' set is made
     * large enough at once instead of growing, and copying itself, many times; before the first order.
     */
    public void expectOrders(long rows) {
        if (orderIds != null && orderIds.size() == 0) {
            orderIds = new OrderIdSet(rows);
        }
    }

    /**
     * About how many customers the order rows, the interaction rows and the profiles will name (guesses, e.g. from
     * the files' sizes; 0 when unknown), so that the tables numbering them are made that large at once instead of
     * doubling on the way; before the first row. Each table is made a quarter larger than its guess, and for at most
     * 2^24 customers (past that it grows as it goes).
     */
    public void expectCustomers(long orderCustomers, long interactionCustomers, long profileRows) {
        orders.records.expect(roomFor(orderCustomers));
        interactions.records.expect(roomFor(interactionCustomers));
        int p = roomFor(profileRows);
        if (profiles.isEmpty() && p > 0) {
            profiles = new HashMap<>((int) (p / 0.75f) + 1);
        }
    }

    private static int roomFor(long guess) {
        long g = Math.max(guess, 0);
        return (int) Math.min(g + g / 4, 1 << 24);
    }

    /** Customers to follow row by row (see {@link CustomerWatch}); set before the first row. */
    public void watch(Map<String, ? extends CustomerWatch> watches) {
        if (orders.size() + interactions.size() + profiles.size() > 0) {
            throw new IllegalStateException("watch() after the first row");
        }
        this.watches = Map.copyOf(watches);
    }

    public OrderVerdict add(OrderRow order) {
        if (orderIds == null) {
            throw new IllegalStateException("an order after ordersComplete(): order " + order.orderId());
        }
        if (!orderIds.add(order.orderCode(), order.unpackedOrderId())) {
            orders.of(order.idWord0(), order.idWord1(), order.unpackedCustomerId());
            return OrderVerdict.DUPLICATE;
        }
        int c = orders.of(order.idWord0(), order.idWord1(), order.unpackedCustomerId());
        int day = order.orderDay();
        if (day > asOfDay) {
            return OrderVerdict.FUTURE_DATED;
        }
        if (!order.counted()) {
            return OrderVerdict.NOT_COUNTED_STATUS;
        }
        orders.addCountedOrder(c, day, order, monetaryWindowStart);
        CustomerWatch watch = orders.watch(c);
        if (watch != null) {
            watch.countedOrder(day, order.amount());
        }
        return OrderVerdict.COUNTED;
    }

    /**
     * Reads, changing nothing, what {@link #add(OrderRow)} of orders of these customers (the first {@code count},
     * in {@link rfm.ingest.PackedId}'s words as the rows keep them: {@link OrderRow#idWord0()} and
     * {@link OrderRow#idWord1()}) will touch: their slots in the orders' index, their records, the blocks their next
     * order days go to. Returns something read, which the caller must keep somewhere (or the compiler drops the
     * reads). Called for a group of rows before adding them, the rows' cache misses overlap instead of coming one
     * after another. The orders' thread only.
     */
    public int prefetchOrders(long[] words0, long[] words1, int count) {
        return orders.prefetch(words0, words1, count);
    }

    /** As {@link #prefetchOrders}, for {@link #add(InteractionRow)}. The interactions' thread only. */
    public int prefetchInteractions(long[] words0, long[] words1, int count) {
        return interactions.prefetch(words0, words1, count);
    }

    public InteractionVerdict add(InteractionRow row) {
        int c = interactions.of(row.idWord0(), row.idWord1(), row.unpackedCustomerId());
        int day = row.occurredDay();
        if (day > asOfDay) {
            return InteractionVerdict.AFTER_AS_OF;
        }
        NeedCategory need = settings.needKeywords().categoryOf(row.topic());
        interactions.addInteraction(c, day, row.occurredSecond(), row.outbound(), row.satisfaction(), row.survey(), need,
                asOfDay, settings);
        CustomerWatch watch = interactions.watch(c);
        if (watch != null) {
            watch.interaction(day, row.outbound());
        }
        return InteractionVerdict.USED;
    }

    public ProfileVerdict add(CustomerProfile profile) {
        return profiles.putIfAbsent(profile.customerId(), profile) == null ? ProfileVerdict.USED : ProfileVerdict.DUPLICATE;
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

    /** How many customers the rows so far have named. */
    public int customerCount() {
        return customers(profiles, false).length;
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
        // draining: the profiles map is emptied once every customer holds its profile (measuring keeps it)
        Named[] customers = customers(profiles, release);
        // draining: the numbers are in hand, so the id tables can go before the measures pile up, and the
        // books' records once all are measured
        OrderBook o = release ? orders.handOver() : orders;
        InteractionBook i = release ? interactions.handOver() : interactions;
        sortById(customers);
        MeasuredCustomer[] result = new MeasuredCustomer[customers.length];
        // both halves only read the books and the rejected ids
        TwoHalves.run(customers.length, (from, to) -> {
            for (int n = from; n < to; n++) {
                Named c = customers[n];
                CustomerProfile profile = c.profile;
                if (profile == null) {
                    profile = rejectedProfiles.contains(c.id) ? CustomerProfile.rejectedRow(c.id) : CustomerProfile.unknown(c.id);
                }
                // the profile's id, not the index's copy of it: a million fewer strings kept to the end of the run
                result[n] = new MeasuredCustomer(profile, measures(profile.customerId(), o, c.order, i, c.interaction, settings));
            }
        });
        return Arrays.asList(result); // a view of the array, no copy
    }

    /**
     * A customer, its numbers in the orders' and the interactions' index (-1: none), and its profile (or null);
     * {@code key} is {@link #sortKey} of the id.
     */
    private record Named(String id, int order, int interaction, CustomerProfile profile, long key) {
        Named(String id, int order, int interaction, CustomerProfile profile) {
            this(id, order, interaction, profile, sortKey(id));
        }
    }

    /**
     * A customer named by a row: with the profile's id when it has one, so that the index's new copy of the id
     * dies at once instead of being kept, by a million customers, until the measures are made.
     */
    private static Named named(String id, int order, int interaction, CustomerProfile profile) {
        return new Named(profile == null ? id : profile.customerId(), order, interaction, profile);
    }

    /** By id, as String.compareTo orders them: by the ids' sort keys, the ids themselves only on equal keys. */
    private static final Comparator<Named> BY_ID = (a, b) -> a.key != b.key ? Long.compareUnsigned(a.key, b.key) : a.id.compareTo(b.id);

    /**
     * Sorts by id ({@link #BY_ID}): by the ids' sort keys alone ({@link KeyOrder}), then each run of equal keys (ids
     * that share their first eight characters) by the ids themselves.
     */
    private static void sortById(Named[] customers) {
        int n = customers.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = customers[i].key;
        }
        int[] order = KeyOrder.of(keys);
        Named[] sorted = new Named[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = customers[order[i]];
        }
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && sorted[j].key == sorted[i].key) {
                j++;
            }
            if (j - i > 1) {
                TwoHalves.sort(sorted, i, j, BY_ID);
            }
            i = j;
        }
        System.arraycopy(sorted, 0, customers, 0, n);
    }

    /**
     * A number that orders ids as {@link String#compareTo} does wherever two numbers differ (equal numbers say
     * nothing): the first 8 chars one per byte, highest first, each as its value + 1 and 0 after the end, so that
     * a shorter id sorts first. A char from U+00FE on is 0xFF and ends the key, so two keys differ only within a
     * prefix the ids share exactly. Comparing these keeps a million-id sort off the ids' strings nearly always.
     */
    static long sortKey(String id) {
        long key = 0;
        int n = Math.min(id.length(), 8);
        int i = 0;
        for (; i < n; i++) {
            char c = id.charAt(i);
            if (c >= 0xFE) {
                key = key << 8 | 0xFF;
                i++;
                break;
            }
            key = key << 8 | (c + 1);
        }
        return key << (8 * (8 - i));
    }

    /**
     * Every customer named by a valid row of any input, once each, with its profile from {@code profiles}: first the
     * customers of the order rows, then those of interactions only, then the profiles no row names. Done in two
     * halves at once (at a million customers the score step's longest stretch on one core): the books and the map
     * are only read, each half marks the interaction customers of its own orders, and a profile counts as named
     * by a row when either book knows its id. With {@code release} the map is emptied afterwards.
     */
    private Named[] customers(Map<String, CustomerProfile> profiles, boolean release) {
        // each profile found by its customer's numbers in the books, once (the profiles' own loop looks them up
        // anyway), instead of every order and interaction customer looked up in the map by its id: a million map
        // lookups of a large night, each a few cache misses (the table, the entry, the key and its bytes)
        CustomerProfile[] profiled = profiles.values().toArray(new CustomerProfile[0]);
        CustomerProfile[] ofOrder = new CustomerProfile[orders.size()];
        CustomerProfile[] ofInteraction = new CustomerProfile[interactions.size()];
        Named[] byProfile = new Named[profiled.length];
        TwoHalves.run(profiled.length, (from, to) -> {
            for (int k = from; k < to; k++) {
                String id = profiled[k].customerId();
                int n = orders.indexOf(id);
                int j = n >= 0 ? -1 : interactions.indexOf(id); // an order customer takes its profile by its orders
                if (n >= 0) {
                    ofOrder[n] = profiled[k]; // one profile per id: the halves write apart
                } else if (j >= 0) {
                    ofInteraction[j] = profiled[k];
                } else {
                    byProfile[k] = new Named(id, -1, -1, profiled[k]);
                }
            }
        });
        Named[] byOrder = new Named[orders.size()];
        boolean[] ordered = new boolean[interactions.size()];
        TwoHalves.run(byOrder.length, (from, to) -> {
            for (int n = from; n < to; n++) {
                String id = orders.id(n);
                int j = interactions.indexOf(id);
                if (j >= 0) {
                    ordered[j] = true; // one order customer per interaction customer: the halves mark apart
                }
                byOrder[n] = named(id, n, j, ofOrder[n]);
            }
        });
        Named[] byInteraction = new Named[ordered.length];
        TwoHalves.run(byInteraction.length, (from, to) -> {
            for (int j = from; j < to; j++) {
                if (!ordered[j]) {
                    byInteraction[j] = named(interactions.id(j), -1, j, ofInteraction[j]);
                }
            }
        });
        if (release) {
            profiles.clear();
        }
        List<Named> all = new ArrayList<>(byOrder.length + byInteraction.length / 4 + byProfile.length / 4);
        all.addAll(Arrays.asList(byOrder));
        for (Named[] part : List.of(byInteraction, byProfile)) {
            for (Named c : part) {
                if (c != null) {
                    all.add(c);
                }
            }
        }
        return all.toArray(new Named[0]);
    }

    /**
     * The measures of a customer with these orders and these interactions: its numbers in the books, -1 for a
     * customer with no rows of that kind.
     */
    private static CustomerMeasures measures(String customerId, OrderBook o, int number, InteractionBook t, int tn,
                                             MeasureSettings s) {
        int d = (int) s.asOf().toEpochDay();
        int none = CustomerMeasures.NONE;
        NeedCategory need = null;
        int inWindow = 0;
        int lastContact = none;
        int lastInbound = none;
        int satisfaction = none;
        int surveyDay = none;
        if (tn >= 0) {
            need = t.topNeed(tn);
            inWindow = t.interactionsInWindow(tn);
            lastContact = t.lastOutDay(tn); // NO_DAY is NONE
            lastInbound = t.lastInDay(tn);
            if (t.surveyed(tn)) {
                satisfaction = t.lastSatisfaction(tn);
                surveyDay = Math.toIntExact(Math.floorDiv(t.lastSurveyAt(tn), 86_400L));
            }
        }
        int orderCount = number < 0 ? 0 : o.orderCount(number);
        if (orderCount == 0) {
            return new CustomerMeasures(customerId, 0, BigDecimal.ZERO, none, none, none, none, 0, 0, 0,
                    inWindow, lastContact, lastInbound, satisfaction, surveyDay, need);
        }
        int[] days = o.orderDays(number);
        Arrays.sort(days);
        int first = days[0];
        int last = days[days.length - 1];
        int distinct = 1;
        for (int i = 1; i < days.length; i++) {
            if (days[i] != days[i - 1]) {
                distinct++;
            }
        }
        int w = s.decliningWindowDays();
        int recent = 0;
        int prior = 0;
        for (int day : days) {
            if (day > d - w) {
                recent++;
            } else if (day > d - 2 * w) {
                prior++;
            }
        }
        int frequency = s.monetaryWindowDays() == null ? orderCount : o.windowOrders(number);
        return new CustomerMeasures(customerId, frequency, o.windowMonetary(number), first, last, d - last, d - first,
                distinct, recent, prior, inWindow, lastContact, lastInbound, satisfaction, surveyDay, need);
    }
}

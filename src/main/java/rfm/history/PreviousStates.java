package rfm.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import rfm.classify.ScoredCustomer;

/**
 * The customers' states on the previous night, lined up with tonight's customers (ordered by id) as the history
 * hands them over in any order: one slot per customer of tonight, null for a customer new tonight, and a list of
 * the customers of that night that are gone tonight. Kept as an array beside the scored customers rather than a
 * map by id, so a million customers cost a few megabytes more, not a hundred.
 */
public final class PreviousStates {

    /** A customer of the previous night that no input names tonight; {@code rowId} as in {@link #rowId(int)}. */
    public record Gone(String customerId, CustomerState state, long rowId) {
    }

    private final String[] ids;
    private final CustomerState[] states;
    private final long[] rowIds;
    private final List<Gone> gone = new ArrayList<>();
    private boolean goneSorted = true;
    /** Where the customer after the one put last would be: the history hands states over mostly in id order. */
    private int next;

    /** @param customers tonight's customers, ordered by customer id */
    public PreviousStates(List<ScoredCustomer> customers) {
        ids = new String[customers.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = customers.get(i).customerId();
            if (i > 0 && ids[i - 1].compareTo(ids[i]) >= 0) {
                throw new IllegalArgumentException("customers must be ordered by id: " + ids[i - 1] + " before " + ids[i]);
            }
        }
        states = new CustomerState[ids.length];
        rowIds = new long[ids.length];
    }

    public void put(String customerId, CustomerState state) {
        put(customerId, state, 0);
    }

    /** A customer's state on the previous night, and the history's row holding it (its {@code state_id}). */
    public void put(String customerId, CustomerState state, long rowId) {
        // the history's rows come in the order of their numbers, which a night gives its customers in id order: the
        // customer after the last one put is tried first, before a search of a million ids (0.2 s of a later night)
        int i = next < ids.length && ids[next].equals(customerId) ? next : Arrays.binarySearch(ids, customerId);
        if (i >= 0) {
            states[i] = state;
            rowIds[i] = rowId;
            next = i + 1;
        } else {
            addGone(new Gone(customerId, state, rowId));
        }
    }

    /** The history's row holding the previous state of tonight's i-th customer (0 when none was given). */
    public long rowId(int i) {
        return rowIds[i];
    }

    /** The previous state of tonight's i-th customer, or null for a new one. */
    public CustomerState get(int i) {
        return states[i];
    }

    public int size() {
        return states.length;
    }

    private synchronized void addGone(Gone g) {
        gone.add(g);
        goneSorted = false;
    }

    /**
     * Customers gone since the previous night, ordered by id. Once the states are all put, threads may ask at once
     * (the states' write beside the summary's counts): the list is sorted by the first to ask, and no more after that.
     */
    public synchronized List<Gone> gone() {
        if (!goneSorted) {
            gone.sort(Comparator.comparing(Gone::customerId));
            goneSorted = true;
        }
        return Collections.unmodifiableList(gone);
    }
}

package rfm.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import rfm.classify.LifecycleStage;
import rfm.classify.ScoredCustomer;

/**
 * The previous night's states lined up with tonight's customers whatever order the history hands them over in: in
 * id order (the usual, where the customer after the last one put is tried first), reversed, shuffled, with customers
 * gone since and customers new tonight in between.
 */
class PreviousStatesTest {

    @Test
    void everyStateFindsItsCustomerInAnyOrder() {
        List<ScoredCustomer> tonight = new ArrayList<>();
        List<String> before = new ArrayList<>();
        for (int i = 100; i < 400; i++) {
            if (i % 7 != 0) { // every seventh is gone tonight
                tonight.add(HistoryComparisonTest.buyer("C" + i, "LOYAL", LifecycleStage.LOYAL, "A", 4, 5, 5));
            }
            if (i % 5 != 0) { // every fifth is new tonight
                before.add("C" + i);
            }
        }
        Random random = new Random(11);
        List<List<String>> orders = new ArrayList<>();
        orders.add(before);
        List<String> reversed = new ArrayList<>(before);
        Collections.reverse(reversed);
        orders.add(reversed);
        List<String> shuffled = new ArrayList<>(before);
        Collections.shuffle(shuffled, random);
        orders.add(shuffled);
        List<String> mostlyInOrder = new ArrayList<>(before); // a later night: a few customers' rows at the end
        for (int k = 0; k < 20; k++) {
            mostlyInOrder.add(mostlyInOrder.remove(random.nextInt(mostlyInOrder.size() - k)));
        }
        orders.add(mostlyInOrder);
        for (List<String> order : orders) {
            PreviousStates previous = new PreviousStates(tonight);
            for (String id : order) {
                int n = Integer.parseInt(id.substring(1));
                previous.put(new String(id), HistoryComparisonTest.state("S" + n, "LOYAL", "A", 4, 5, 5, false,
                        HistoryComparisonTest.D), n);
            }
            for (int i = 0; i < tonight.size(); i++) {
                int n = Integer.parseInt(tonight.get(i).customerId().substring(1));
                if (n % 5 == 0) {
                    assertThat(previous.get(i)).isNull();
                    assertThat(previous.rowId(i)).isZero();
                } else {
                    assertThat(previous.get(i).segment()).isEqualTo("S" + n);
                    assertThat(previous.rowId(i)).isEqualTo(n);
                }
            }
            assertThat(previous.gone()).extracting(PreviousStates.Gone::customerId)
                    .containsExactlyElementsOf(before.stream().filter(id -> Integer.parseInt(id.substring(1)) % 7 == 0).toList());
        }
    }

    /**
     * The customers gone are asked for by threads at once (tonight's states written into the history beside the
     * summary's migration counts and crm_delta.csv): each gets them all, in id order, and none meets the list changing.
     */
    @Test
    void threadsAskingForTheCustomersGoneAtOnceAllGetThemInOrder() throws Exception {
        List<ScoredCustomer> tonight = List.of(HistoryComparisonTest.buyer("C0", "LOYAL", LifecycleStage.LOYAL, "A", 4, 5, 5));
        List<String> goneIds = new ArrayList<>();
        for (int i = 1; i <= 20_000; i++) {
            goneIds.add("G" + i);
        }
        List<String> sortedIds = new ArrayList<>(goneIds);
        Collections.sort(sortedIds);
        Collections.shuffle(goneIds, new Random(3));
        for (int round = 0; round < 20; round++) {
            PreviousStates previous = new PreviousStates(tonight);
            for (String id : goneIds) {
                previous.put(id, null, 1);
            }
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Callable<List<String>> read = () -> {
                    List<String> seen = new ArrayList<>();
                    for (PreviousStates.Gone g : previous.gone()) {
                        seen.add(g.customerId());
                    }
                    return seen;
                };
                var first = threads.submit(read);
                var second = threads.submit(read);
                assertThat(first.get()).isEqualTo(sortedIds);
                assertThat(second.get()).isEqualTo(sortedIds);
            } finally {
                threads.shutdownNow();
            }
        }
    }
}

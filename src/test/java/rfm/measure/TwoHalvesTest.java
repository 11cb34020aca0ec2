package rfm.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TwoHalvesTest {

    @Test
    void coversEveryItemOnceOnTwoThreadsFromTheSplitSizeOn() {
        for (int n : new int[] {0, 1, TwoHalves.MIN_SPLIT - 1, TwoHalves.MIN_SPLIT, 200_001}) {
            int[] seen = new int[n];
            var threads = ConcurrentHashMap.<String>newKeySet();
            TwoHalves.run(n, (from, to) -> {
                threads.add(Thread.currentThread().getName());
                for (int i = from; i < to; i++) {
                    seen[i]++;
                }
            });
            assertThat(seen).as("n=%d", n).containsOnly(n == 0 ? new int[0] : new int[] {1});
            assertThat(threads).as("n=%d", n).hasSize(n < TwoHalves.MIN_SPLIT ? 1 : 2);
        }
    }

    @Test
    void aFailureInEitherHalfIsThrownAfterBothFinished() {
        AtomicInteger done = new AtomicInteger();
        assertThatThrownBy(() -> TwoHalves.run(100_000, (from, to) -> {
            if (from == 0) {
                throw new IllegalArgumentException("first half");
            }
            done.incrementAndGet();
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("first half");
        assertThat(done).hasValue(1);
        assertThatThrownBy(() -> TwoHalves.run(100_000, (from, to) -> {
            if (from > 0) {
                throw new AssertionError("second half");
            }
        })).isInstanceOf(AssertionError.class).hasMessage("second half");
    }

    @Test
    void sortsAsArraysSortDoesStableTiesIncluded() {
        Random random = new Random(3);
        for (int n : new int[] {0, 7, TwoHalves.MIN_SPLIT, 123_457}) {
            long[][] items = new long[n][];
            for (int i = 0; i < n; i++) {
                items[i] = new long[] {random.nextInt(1000), i}; // many ties on the key; the index shows the order
            }
            long[][] expected = items.clone();
            Comparator<long[]> byKey = Comparator.comparingLong(a -> a[0]);
            Arrays.sort(expected, byKey);
            TwoHalves.sort(items, byKey);
            assertThat(items).as("n=%d", n).isEqualTo(expected);
        }
    }
}

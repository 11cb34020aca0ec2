package rfm.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class KeyOrderTest {

    /** What the radix order must equal: a stable comparison sort of the indexes by their keys, compared unsigned. */
    private static int[] byComparison(long[] keys) {
        return IntStream.range(0, keys.length).boxed()
                .sorted(Comparator.comparing((Integer i) -> keys[i], Long::compareUnsigned))
                .mapToInt(Integer::intValue).toArray();
    }

    @Test
    void ordersAsAStableUnsignedSortDoes() {
        Random random = new Random(3);
        for (int n : new int[] {0, 1, 2, 3, 255, 256, 1_000, 70_000}) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = switch (i % 5) {
                    case 0 -> random.nextLong(); // negative ones sort after every positive one
                    case 1 -> random.nextInt(10); // many ties: stability shows
                    case 2 -> Long.MIN_VALUE + random.nextInt(3);
                    case 3 -> (long) random.nextInt(1 << 16) << 40; // only some bytes differ: other passes are skipped
                    default -> -1L;
                };
            }
            long[] before = keys.clone();
            assertThat(KeyOrder.of(keys)).as("n=%d", n).isEqualTo(byComparison(keys));
            assertThat(keys).isEqualTo(before);
        }
    }

    @Test
    void keysThatDifferInOneByteOnlyAreOrderedByIt() {
        long[] keys = {0x4300_0000_0000_0003L, 0x4300_0000_0000_0001L, 0x4300_0000_0000_0002L, 0x4300_0000_0000_0001L};
        assertThat(KeyOrder.of(keys)).containsExactly(1, 3, 2, 0);
        long[] same = new long[5];
        Arrays.fill(same, 42);
        assertThat(KeyOrder.of(same)).containsExactly(0, 1, 2, 3, 4);
    }
}

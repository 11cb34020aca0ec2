package rfm.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OrderIdSetTest {

    @Test
    void firstAddWinsLaterAddsOfTheSameIdAreDuplicates() {
        OrderIdSet ids = new OrderIdSet();
        assertThat(ids.add("SO1")).isTrue();
        assertThat(ids.add("SO1")).isFalse();
        assertThat(ids.add("so1")).isTrue();
        assertThat(ids.add("订单-1")).isTrue();
        assertThat(ids.add("订单-1")).isFalse();
        assertThat(ids.add("")).isTrue();
        assertThat(ids.add("")).isFalse();
        assertThat(ids.size()).isEqualTo(4);
    }

    @Test
    void agreesWithAHashSetOnManyIdsThroughManyGrowths() {
        agreesWithAHashSet(new OrderIdSet());
    }

    @Test
    void aSetMadeLargeAtOnceAgreesToo() {
        agreesWithAHashSet(new OrderIdSet(250_000));
        agreesWithAHashSet(new OrderIdSet(1)); // a guess far too low only means growing
    }

    private static void agreesWithAHashSet(OrderIdSet ids) {
        Set<String> reference = new HashSet<>();
        Random random = new Random(1);
        for (int i = 0; i < 300_000; i++) {
            String id = "O" + random.nextInt(200_000) + (random.nextInt(50) == 0 ? "张" : "");
            assertThat(ids.add(id)).as(id).isEqualTo(reference.add(id));
        }
        assertThat(ids.size()).isEqualTo(reference.size());
    }

    @Test
    void idsMostlyInTheOrderTheyWerePlacedAgreeWithAHashSet() {
        // as exports list orders: ascending ids, with some a little late, some repeated (at once or much later),
        // ids of other lengths and shapes in between, and a jump that leaves the rest below the run's last id
        for (long expected : new long[] {0, 1, 400_000}) {
            OrderIdSet ids = new OrderIdSet(expected);
            Set<String> reference = new HashSet<>();
            Random random = new Random(7);
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 300_000; i++) {
                int n = i;
                int pick = random.nextInt(100);
                if (pick < 5) {
                    n = Math.max(0, i - 1 - random.nextInt(30)); // a little late, or a repeat of a recent one
                }
                String id = pick == 5 && !seen.isEmpty() ? seen.get(random.nextInt(seen.size())) // a much later repeat
                        : pick == 6 ? "SO" + n + "-R" // other shapes in between
                        : pick == 7 ? "O" + n
                        : pick == 8 ? "订单" + n
                        : "SO" + (10_000_000 + n);
                seen.add(id);
                assertThat(ids.add(id)).as(id).isEqualTo(reference.add(id));
            }
            assertThat(ids.add("zzzzzzzzzz")).isTrue(); // every inline id from here on is below the run's last
            reference.add("zzzzzzzzzz");
            for (int i = 0; i < 20_000; i++) {
                String id = "SO" + (10_000_000 + random.nextInt(320_000));
                assertThat(ids.add(id)).as(id).isEqualTo(reference.add(id));
            }
            assertThat(ids.size()).isEqualTo(reference.size());
        }
    }

    @Test
    void ascendingIdsWithCarriesFarApartAreKeptInBlocksAndFoundAgain() {
        // ids placed in order whose packed values jump by 2^32 and more (a carry into the sixth character from the
        // end, or a longer id), which start a block early, and differences of 2^31 and more within a block, which
        // must compare unsigned; then every id again, and ids between them, out of order
        List<String> inOrder = new ArrayList<>();
        // (6 bits a character: the sixth from the end is worth 2^30, so '0' to '2' is 2^31 and '3' to '7' 2^32)
        for (char a = '0'; a <= '3'; a++) {
            for (char b : "0237AZ".toCharArray()) {
                for (int n = 0; n < 20; n++) {
                    inOrder.add("SO" + a + "0" + b + String.format("%05d", n * 4999));
                }
                inOrder.add("SO" + a + "0" + b + "Z9999");
            }
        }
        inOrder.add("SO99999999X"); // one character longer: above every id before it
        OrderIdSet ids = new OrderIdSet(inOrder.size());
        Set<String> reference = new HashSet<>();
        for (String id : inOrder) {
            assertThat(ids.add(id)).as(id).isTrue();
            reference.add(id);
        }
        Random random = new Random(3);
        List<String> again = new ArrayList<>(inOrder);
        for (int i = 0; i < 20_000; i++) {
            again.add("SO" + random.nextInt(4) + "0" + "0237AZ".charAt(random.nextInt(6))
                    + String.format("%05d", random.nextInt(20) * 4999 + (random.nextBoolean() ? 0 : 1)));
        }
        Collections.shuffle(again, random);
        for (String id : again) {
            assertThat(ids.add(id)).as(id).isEqualTo(reference.add(id));
        }
        assertThat(ids.size()).isEqualTo(reference.size());
    }

    @Test
    void idsInDescendingOrderAllGoToTheTable() {
        OrderIdSet ids = new OrderIdSet(10);
        for (int i = 99_999; i >= 0; i--) {
            assertThat(ids.add("SO" + i)).isTrue();
        }
        for (int i = 0; i < 100_000; i += 7) {
            assertThat(ids.add("SO" + i)).isFalse();
        }
        assertThat(ids.size()).isEqualTo(100_000);
    }

    @Test
    void shortIdsKeptInlineAndLongerOrOtherIdsKeptInPagesAreAllDistinct() {
        OrderIdSet ids = new OrderIdSet();
        List<String> distinct = List.of("A", "A0", "0A", "a", "-", "--", "Z", "z", "9", "0", "00",
                "SO12345678", "SO123456789", "so12345678", "SO1234567_", "SO_1", "SO 1", "ＳＯ1", "é", "A\u0000",
                "zzzzzzzzzz", "zzzzzzzzzzz", "----------", "0000000000", "00000000000");
        for (String id : distinct) {
            assertThat(ids.add(id)).as(id).isTrue();
        }
        for (String id : distinct) {
            assertThat(ids.add(id)).as(id + " again").isFalse();
        }
        assertThat(ids.size()).isEqualTo(distinct.size());
    }

    @Test
    void idsSpreadOverManyPagesAreFoundAgain() {
        OrderIdSet ids = new OrderIdSet();
        String padding = "x".repeat(1000); // about 3 MiB of ids: several 1 MiB pages, ids near page ends
        for (int i = 0; i < 3_000; i++) {
            assertThat(ids.add(padding + i)).isTrue();
        }
        for (int i = 0; i < 3_000; i++) {
            assertThat(ids.add(padding + i)).as("id %d again", i).isFalse();
        }
        assertThat(ids.add(padding + "-new")).isTrue();
        assertThat(ids.size()).isEqualTo(3_001);
    }
}

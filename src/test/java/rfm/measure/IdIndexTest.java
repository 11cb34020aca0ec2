package rfm.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import rfm.ingest.PackedId;

class IdIndexTest {

    @Test
    void numbersIdsInTheOrderFirstSeen() {
        IdIndex index = new IdIndex();
        assertThat(index.add("C2")).isZero();
        assertThat(index.add("C1")).isEqualTo(1);
        assertThat(index.add("C2")).isZero();
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.id(1)).isEqualTo("C1");
        assertThat(index.indexOf("C1")).isEqualTo(1);
        assertThat(index.indexOf("C3")).isEqualTo(-1);
    }

    @Test
    void idsThatDifferOnlyInLengthOrInAZeroCharacterAreDifferent() {
        IdIndex index = new IdIndex();
        int a = index.add("A");
        int b = index.add("A\0");
        int empty = index.add("");
        assertThat(new int[] {a, b, empty}).doesNotHaveDuplicates();
        assertThat(index.indexOf("A\0\0")).isEqualTo(-1);
        assertThat(index.indexOf("")).isEqualTo(empty);
    }

    @Test
    void longAndNonLatinIdsAreKeptBesideTheTable() {
        IdIndex index = new IdIndex();
        String exactly16 = "1234567890123456";
        String longer = exactly16 + "5";
        String chinese = "客户-001";
        String latin1 = "Müller-ÿ";
        int[] n = {index.add(exactly16), index.add(longer), index.add(chinese), index.add(latin1)};
        assertThat(n).containsExactly(0, 1, 2, 3);
        assertThat(index.add(longer)).isEqualTo(1);
        assertThat(index.add(chinese)).isEqualTo(2);
        assertThat(index.indexOf(exactly16)).isZero();
        assertThat(index.indexOf(latin1)).isEqualTo(3);
        assertThat(index.indexOf("客户-002")).isEqualTo(-1);
        assertThat(index.id(2)).isEqualTo(chinese);
    }

    @Test
    void agreesWithAHashMapOverManyIdsAcrossGrowth() {
        agreesWithAHashMap(new IdIndex());
    }

    @Test
    void anIndexMadeLargeAtOnceAgreesWhateverTheGuess() {
        for (int guess : new int[] {1, 10_000, 100_000, 1_000_000}) {
            IdIndex index = new IdIndex();
            index.expect(guess);
            agreesWithAHashMap(index);
        }
        IdIndex started = new IdIndex();
        started.add("C1");
        started.expect(1_000_000); // only while empty: the ids already numbered stay where they are
        assertThat(started.indexOf("C1")).isZero();
        agreesWithAHashMap(started);
    }

    private static void agreesWithAHashMap(IdIndex index) {
        Map<String, Integer> expected = new HashMap<>();
        for (int n = 0; n < index.size(); n++) {
            expected.put(index.id(n), n);
        }
        Random random = new Random(7);
        for (int i = 0; i < 300_000; i++) {
            String id = switch (random.nextInt(5)) {
                case 0 -> "C" + random.nextInt(100_000);
                case 1 -> Long.toString(random.nextLong() & Long.MAX_VALUE) + random.nextInt(1000); // up to 22 digits
                case 2 -> "cust-" + random.nextInt(50_000) + "-" + "x".repeat(random.nextInt(25));
                case 3 -> "客户" + random.nextInt(1000);
                default -> Integer.toString(random.nextInt(200_000), 36);
            };
            int number = index.add(id);
            Integer known = expected.putIfAbsent(id, expected.size());
            assertThat(number).isEqualTo(known == null ? expected.size() - 1 : known);
        }
        assertThat(index.size()).isEqualTo(expected.size());
        expected.forEach((id, number) -> {
            assertThat(index.indexOf(id)).isEqualTo(number);
            assertThat(index.id(number)).isEqualTo(id);
        });
        assertThat(index.indexOf("C100000")).isEqualTo(-1);
    }

    @Test
    void peekFindsNothingButWhatIndexOfFindsAndMostKnownIds() {
        IdIndex index = new IdIndex();
        Random random = new Random(5);
        String[] known = new String[50_000];
        for (int i = 0; i < known.length; i++) {
            known[i] = switch (i % 10) {
                case 0 -> "客户-" + i;                          // not Latin-1: beside the table, never peeked
                case 1 -> "LONG-CUSTOMER-ID-" + i;              // over 16 characters: the same
                default -> "C" + Integer.toString(random.nextInt(1 << 30), 36);
            };
            index.add(known[i]);
        }
        String[] group = new String[16];
        long[] words0 = new long[16];
        long[] words1 = new long[16];
        int[] numbers = new int[16];
        int found = 0;
        for (int from = 0; from < known.length; from += group.length) {
            for (int k = 0; k < group.length; k++) {
                // known ids and, at every fourth place, one never added
                group[k] = k % 4 == 3 ? "X" + (from + k) : known[from + k];
                boolean packs = PackedId.packs(group[k]); // as a row keeps its customer: words, or 0 and the text
                words0[k] = packs ? PackedId.word(group[k], 0) : 0;
                words1[k] = packs ? PackedId.word(group[k], 8) : 0;
            }
            index.peek(words0, words1, group.length, numbers);
            for (int k = 0; k < group.length; k++) {
                boolean inlineKnown = k % 4 != 3 && (from + k) % 10 > 1;
                if (inlineKnown) {
                    assertThat(numbers[k]).as(group[k]).isIn(-1, index.indexOf(group[k]));
                    found += numbers[k] >= 0 ? 1 : 0;
                } else {
                    assertThat(numbers[k]).as(group[k]).isEqualTo(-1);
                }
            }
        }
        // 30,000 known ids kept inline were peeked (three in four places, eight ids in ten): in a table at most
        // three quarters full, most sit in the first slot their probe looks at
        assertThat(found).as("ids found in the first slot of their probe").isBetween(15_000, 30_000);
    }
}

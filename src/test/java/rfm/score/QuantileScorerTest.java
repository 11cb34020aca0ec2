package rfm.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import rfm.measure.CustomerMeasures;

class QuantileScorerTest {

    static final LocalDate D = LocalDate.of(2026, 11, 22);
    final QuantileScorer scorer = new QuantileScorer();

    static CustomerMeasures buyer(String id, int recency, int frequency, String monetary) {
        return new CustomerMeasures(id, frequency, new BigDecimal(monetary), D.minusDays(recency + 10L),
                D.minusDays(recency), recency, recency + 10, 1, 0, 0, 0, null, null, null, null, null);
    }

    /** Buyers that differ only in frequency. */
    static List<CustomerMeasures> frequencies(int... values) {
        List<CustomerMeasures> list = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            list.add(buyer("C" + i, 10, values[i], "100"));
        }
        return list;
    }

    static List<CustomerMeasures> recencies(int... values) {
        List<CustomerMeasures> list = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            list.add(buyer("C" + i, values[i], 1, "100"));
        }
        return list;
    }

    static List<CustomerMeasures> amounts(String... values) {
        List<CustomerMeasures> list = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            list.add(buyer("C" + i, 10, 1, values[i]));
        }
        return list;
    }

    @Test
    void tiedFrequenciesShareTheLowestScore() {
        // score(v) = 1 + floor(5 * (count below v) / 5): 1 has 0 below, 2 has 3 below, 5 has 4 below
        assertThat(scorer.score(frequencies(1, 1, 1, 2, 5))).extracting(RfmScores::f).containsExactly(1, 1, 1, 4, 5);
    }

    @Test
    void tenDistinctFrequenciesFillFiveScoresTwoEach() {
        assertThat(scorer.score(frequencies(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))).extracting(RfmScores::f)
                .containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    }

    @Test
    void fewerDaysSinceTheLastOrderIsTheBetterRecency() {
        // r(v) = 1 + floor(5 * (count with more days than v) / N); N = 3
        assertThat(scorer.score(recencies(1, 2, 3))).extracting(RfmScores::r).containsExactly(4, 2, 1);
    }

    @Test
    void equalRecencyGetsEqualScore() {
        // 10 has 3 with more days, 30 has 2, 200 has 1, 400 none
        assertThat(scorer.score(recencies(10, 30, 10, 400, 200))).extracting(RfmScores::r).containsExactly(4, 3, 4, 1, 2);
    }

    @Test
    void monetaryTiesAreComparedExactlyWhateverTheScale() {
        // 1299.00 and 1299.0 are the same amount: one below each, 1 + floor(5 * 1 / 4) = 2
        assertThat(scorer.score(amounts("1299.00", "50", "1299.0", "5000"))).extracting(RfmScores::m)
                .containsExactly(2, 1, 2, 4);
    }

    @Test
    void monetaryDistinguishesCents() {
        assertThat(scorer.score(amounts("100.01", "100.00", "100.001", "100"))).extracting(RfmScores::m)
                .containsExactly(4, 1, 3, 1);
    }

    @Test
    void aSingleBuyerScoresOneOneOne() {
        // nobody is worse, so 1 + floor(0) on every measure: SPEC's formula taken at its word
        assertThat(scorer.score(List.of(buyer("C1", 0, 50, "99999")))).containsExactly(new RfmScores(1, 1, 1));
    }

    @Test
    void noBuyersNoScores() {
        assertThat(scorer.score(List.of())).isEmpty();
    }

    @Test
    void theResultKeepsTheInputOrder() {
        List<RfmScores> scores = scorer.score(List.of(
                buyer("C1", 400, 1, "10"),
                buyer("C2", 5, 9, "900"),
                buyer("C3", 60, 3, "90")));
        // N = 3: best gets 1 + floor(10/3) = 4, middle 1 + floor(5/3) = 2, worst 1
        assertThat(scores).containsExactly(new RfmScores(1, 1, 1), new RfmScores(4, 4, 4), new RfmScores(2, 2, 2));
    }

    @Test
    void amountsTooFineOrTooLargeForLongsAreStillScoredExactly() {
        // a scale of 19 digits, and a value past Long.MAX_VALUE cents: both fall back to comparing BigDecimals
        assertThat(QuantileScorer.asLongs(new BigDecimal[] {new BigDecimal("1.0000000000000000001")})).isNull();
        assertThat(QuantileScorer.asLongs(new BigDecimal[] {new BigDecimal("92233720368547758.08"), BigDecimal.ONE}))
                .isNull();
        assertThat(QuantileScorer.asLongs(new BigDecimal[] {new BigDecimal("1E+3")})).isNull();
        assertThat(QuantileScorer.asLongs(new BigDecimal[] {new BigDecimal("12.5"), new BigDecimal("3.125")}))
                .containsExactly(12500, 3125);
        assertThat(scorer.score(amounts("100.0000000000000000001", "100", "92233720368547758.08", "100.00")))
                .extracting(RfmScores::m).containsExactly(3, 1, 4, 1);
    }

    @Test
    void manyMixedScaleAmountsScoreAsTheFormulaSays() {
        Random random = new Random(11);
        List<CustomerMeasures> buyers = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(5_000), random.nextInt(5)); // 0 to 4 decimals
            buyers.add(buyer(String.format("C%04d", i), 10, 1, amount.toPlainString()));
        }
        assertThat(byCustomer(buyers, scorer.score(buyers))).isEqualTo(oracle(buyers));
    }

    @Test
    void scoresDoNotDependOnRowOrderAndFollowSpecFormula() {
        Random random = new Random(20261122L);
        List<CustomerMeasures> buyers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int recency = random.nextInt(12) * 30;   // few distinct values: many ties
            int frequency = 1 + random.nextInt(6);
            String monetary = (random.nextInt(8) * 250) + (random.nextBoolean() ? ".00" : ".0");
            buyers.add(buyer(String.format("C%03d", i), recency, frequency, monetary));
        }
        Map<String, RfmScores> inOrder = byCustomer(buyers, scorer.score(buyers));

        List<CustomerMeasures> shuffled = new ArrayList<>(buyers);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(shuffled).isNotEqualTo(buyers);
        Map<String, RfmScores> inShuffledOrder = byCustomer(shuffled, scorer.score(shuffled));

        assertThat(inShuffledOrder).isEqualTo(inOrder);
        assertThat(inOrder).isEqualTo(oracle(buyers));
    }

    @Test
    void sixtyThousandBuyersScoreAsTheFormulaSays() {
        Random random = new Random(42);
        List<CustomerMeasures> buyers = new ArrayList<>();
        int n = 60_001;
        for (int i = 0; i < n; i++) {
            int cents = random.nextInt(500_000);
            String monetary = random.nextBoolean() ? new BigDecimal(cents).movePointLeft(2).toPlainString() : cents / 100 + ".0";
            buyers.add(buyer(String.format("C%06d", i), random.nextInt(800), 1 + random.nextInt(40), monetary));
        }
        assertThat(byCustomer(buyers, scorer.score(buyers))).isEqualTo(countingOracle(buyers));

        // one amount too fine for longs: the amounts are sorted and searched as BigDecimal
        buyers.set(7, buyer("C000007", 3, 2, "12.345678901234567890123"));
        assertThat(byCustomer(buyers, scorer.score(buyers))).isEqualTo(countingOracle(buyers));
    }

    @Test
    void everySmallCrowdWithTiesScoresAsTheFormulaSays() {
        // the scores come from the values at the ranks where a fifth is reached: every n from 1 to 26 (n not a
        // multiple of 5 and a multiple), values from a range of 1 (all tied) to 2n (mostly distinct)
        Random random = new Random(5);
        for (int n = 1; n <= 26; n++) {
            for (int spread : new int[] {1, 2, 3, n, 2 * n}) {
                for (int round = 0; round < 20; round++) {
                    List<CustomerMeasures> buyers = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        String cents = String.valueOf(random.nextInt(spread));
                        buyers.add(buyer("C" + i, random.nextInt(spread), 1 + random.nextInt(spread), cents + ".5"));
                    }
                    assertThat(byCustomer(buyers, scorer.score(buyers))).as("n=%d spread=%d", n, spread)
                            .isEqualTo(oracle(buyers));
                    // the same amounts too fine for longs: compared as BigDecimal
                    List<CustomerMeasures> fine = new ArrayList<>();
                    for (CustomerMeasures b : buyers) {
                        fine.add(buyer(b.customerId(), b.recencyDays(), b.frequency(), b.monetary() + "0000000000000000000"));
                    }
                    assertThat(byCustomer(fine, scorer.score(fine))).isEqualTo(oracle(fine));
                }
            }
        }
    }

    @Test
    void valuesAtRanksAreTheSortedValuesThere() {
        // random values from all tied to all distinct, and orders a fixed pivot choice would be slow on
        Random random = new Random(11);
        for (int round = 0; round < 400; round++) {
            int n = 1 + random.nextInt(round < 200 ? 40 : 5000);
            int spread = new int[] {1, 2, 7, n, Integer.MAX_VALUE}[round % 5];
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(spread) - (spread > 1000 ? spread / 2 : 0);
            }
            switch (round % 4) {
                case 1 -> Arrays.sort(values);
                case 2 -> {
                    Arrays.sort(values);
                    for (int i = 0; i < n / 2; i++) {
                        long v = values[i];
                        values[i] = values[n - 1 - i];
                        values[n - 1 - i] = v;
                    }
                }
                default -> { }
            }
            int[] ranks = new int[1 + random.nextInt(5)];
            for (int j = 0; j < ranks.length; j++) {
                ranks[j] = random.nextInt(n);
            }
            Arrays.sort(ranks); // ascending, repeats allowed
            long[] before = values.clone();
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            long[] expected = new long[ranks.length];
            for (int j = 0; j < ranks.length; j++) {
                expected[j] = sorted[ranks[j]];
            }

            assertThat(QuantileScorer.atRanks(values, ranks)).as("n=%d spread=%d ranks=%s", n, spread, Arrays.toString(ranks))
                    .containsExactly(expected);
            assertThat(values).as("the values themselves are left as they are").containsExactly(before);
        }
    }

    /** SPEC's formula for many buyers: each value's count, then per value the buyers below it and at it. */
    private static Map<String, RfmScores> countingOracle(List<CustomerMeasures> buyers) {
        long n = buyers.size();
        Map<Integer, long[]> recency = belowAndAt(buyers.stream().map(CustomerMeasures::recencyDays).toList());
        Map<Integer, long[]> frequency = belowAndAt(buyers.stream().map(CustomerMeasures::frequency).toList());
        Map<BigDecimal, long[]> monetary = belowAndAt(buyers.stream().map(CustomerMeasures::monetary).toList());
        Map<String, RfmScores> map = new HashMap<>();
        for (CustomerMeasures c : buyers) {
            long[] r = recency.get(c.recencyDays());
            long longer = n - r[0] - r[1];
            long fewer = frequency.get(c.frequency())[0];
            long less = monetary.get(c.monetary())[0];
            map.put(c.customerId(), new RfmScores((int) (1 + 5 * longer / n), (int) (1 + 5 * fewer / n), (int) (1 + 5 * less / n)));
        }
        return map;
    }

    /** Per distinct value (compared as compareTo does: 1.0 and 1.00 are one), how many values are below it and how many equal. */
    private static <T extends Comparable<T>> Map<T, long[]> belowAndAt(List<T> values) {
        java.util.TreeMap<T, long[]> counts = new java.util.TreeMap<>();
        for (T v : values) {
            counts.computeIfAbsent(v, k -> new long[2])[1]++;
        }
        long below = 0;
        for (long[] c : counts.values()) {
            c[0] = below;
            below += c[1];
        }
        return counts;
    }

    private static Map<String, RfmScores> byCustomer(List<CustomerMeasures> buyers, List<RfmScores> scores) {
        Map<String, RfmScores> map = new HashMap<>();
        for (int i = 0; i < buyers.size(); i++) {
            map.put(buyers.get(i).customerId(), scores.get(i));
        }
        return map;
    }

    /** SPEC's formula, counted the slow way. */
    private static Map<String, RfmScores> oracle(List<CustomerMeasures> buyers) {
        int n = buyers.size();
        Map<String, RfmScores> map = new HashMap<>();
        for (CustomerMeasures c : buyers) {
            long longer = buyers.stream().filter(o -> o.recencyDays() > c.recencyDays()).count();
            long fewer = buyers.stream().filter(o -> o.frequency() < c.frequency()).count();
            long less = buyers.stream().filter(o -> o.monetary().compareTo(c.monetary()) < 0).count();
            map.put(c.customerId(), new RfmScores((int) (1 + 5 * longer / n), (int) (1 + 5 * fewer / n), (int) (1 + 5 * less / n)));
        }
        return map;
    }
}

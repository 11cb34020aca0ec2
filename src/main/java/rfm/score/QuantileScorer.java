package rfm.score;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import rfm.measure.CustomerMeasures;

/**
 * SPEC's tie-safe quantiles: {@code score(v) = 1 + floor(5 * (count of buyers with a worse value) / N)}.
 * Equal values get equal scores and row order does not matter.
 */
public final class QuantileScorer implements RfmScorer {

    @Override
    public List<RfmScores> score(List<CustomerMeasures> buyers) {
        int n = buyers.size();
        if (n == 0) {
            return new ArrayList<>();
        }
        long[] recency = new long[n];
        long[] frequency = new long[n];
        BigDecimal[] monetary = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            CustomerMeasures m = buyers.get(i);
            recency[i] = m.recencyDays();
            frequency[i] = m.frequency();
            monetary[i] = m.monetary();
        }
        // A score only says which fifth a count falls in: floor(5 * count / n) >= k exactly when count >= c(k),
        // c(k) = ceil(k * n / 5). So each score is 1 plus the number of the four values at those ranks that the
        // customer's value passes: four comparisons with values in the cache instead of a search per customer.
        // The four values are selected, not sorted for: at a million buyers three sorts were the score step's
        // longest stretch on one core.
        int[] fromBelow = new int[4]; // rank c(k) - 1 from the smallest, k = 1..4: ascending
        int[] fromAbove = new int[4]; // rank n - c(k), k = 4..1: ascending
        for (int k = 1; k <= 4; k++) {
            fromBelow[k - 1] = atLeastFifths(k, n) - 1;
            fromAbove[4 - k] = n - atLeastFifths(k, n);
        }
        // R counts the buyers with more days: passes when below (the order of the four does not matter to a count)
        long[] recencyBounds = atRanks(recency, fromAbove);
        long[] frequencyBounds = atRanks(frequency, fromBelow);
        long[] money = asLongs(monetary); // selecting numbers, not BigDecimal objects all over the heap
        long[] moneyBounds = money != null ? atRanks(money, fromBelow) : null;
        BigDecimal[] monetaryBounds = new BigDecimal[4];
        if (money == null) {
            BigDecimal[] monetarySorted = monetary.clone();
            Arrays.sort(monetarySorted);
            for (int k = 0; k < 4; k++) {
                monetaryBounds[k] = monetarySorted[fromBelow[k]];
            }
        }
        List<RfmScores> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int r = 1;
            int f = 1;
            int m = 1;
            for (int k = 0; k < 4; k++) {
                r += recency[i] < recencyBounds[k] ? 1 : 0;
                f += frequency[i] > frequencyBounds[k] ? 1 : 0;
                m += money != null ? (money[i] > moneyBounds[k] ? 1 : 0) : (monetary[i].compareTo(monetaryBounds[k]) > 0 ? 1 : 0);
            }
            scores.add(RfmScores.of(r, f, m));
        }
        return scores;
    }

    /**
     * The values that would stand at the given ranks (0-based, ascending) if {@code values} were sorted, found by
     * selection on a copy: each rank by a quickselect with three-way partitions (so that runs of equal values, most
     * of a frequency column, end a search at once) over the part of the copy the previous rank left above it.
     */
    static long[] atRanks(long[] values, int[] ranks) {
        long[] a = values.clone();
        long[] result = new long[ranks.length];
        int lo = 0;
        long seed = 0x9E3779B97F4A7C15L;
        for (int j = 0; j < ranks.length; j++) {
            int rank = ranks[j];
            int hi = a.length - 1;
            int from = lo;
            while (true) {
                if (from >= hi) {
                    result[j] = a[rank];
                    break;
                }
                seed = seed * 6364136223846793005L + 1442695040888963407L; // a pivot no input order can defeat
                long pivot = a[from + (int) Long.remainderUnsigned(seed >>> 1, hi - from + 1)];
                int lt = from;
                int i = from;
                int gt = hi;
                while (i <= gt) {
                    long v = a[i];
                    if (v < pivot) {
                        a[i++] = a[lt];
                        a[lt++] = v;
                    } else if (v > pivot) {
                        a[i] = a[gt];
                        a[gt--] = v;
                    } else {
                        i++;
                    }
                }
                // a[from, lt) < pivot, a[lt, gt] == pivot, a(gt, hi] > pivot
                if (rank < lt) {
                    hi = lt - 1;
                } else if (rank > gt) {
                    from = gt + 1;
                } else {
                    result[j] = pivot;
                    break;
                }
            }
            lo = rank; // what is left of the rank is at most its value, what is right of it at least
        }
        return result;
    }

    /**
     * The least count c with {@code floor(5 * c / n) >= k}: {@code ceil(k * n / 5)}, between 1 and n for k from 1
     * to 4 and n of at least 1. A count of values below a customer's (or, for R, above it) reaches c exactly when the
     * value at rank c - 1 from that end is below (above) the customer's.
     */
    static int atLeastFifths(int k, int n) {
        return (int) ((k * (long) n + 4) / 5);
    }

    /**
     * The amounts as longs in units of their finest scale (cents, nearly always), which order exactly as the
     * amounts do; null when a scale is negative or finer than 18 digits, or a value does not fit.
     */
    static long[] asLongs(BigDecimal[] values) {
        int scale = 0;
        for (BigDecimal v : values) {
            if (v.scale() < 0 || v.scale() > 18) {
                return null;
            }
            scale = Math.max(scale, v.scale());
        }
        long[] result = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            BigInteger unscaled = values[i].setScale(scale).unscaledValue(); // a finer scale is exact
            if (unscaled.bitLength() > 63) {
                return null;
            }
            result[i] = unscaled.longValue();
        }
        return result;
    }
}

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
        long[] recency = new long[n];
        long[] frequency = new long[n];
        BigDecimal[] monetary = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            CustomerMeasures m = buyers.get(i);
            recency[i] = m.recencyDays();
            frequency[i] = m.frequency();
            monetary[i] = m.monetary();
        }
        long[] recencySorted = recency.clone();
        long[] frequencySorted = frequency.clone();
        Arrays.sort(recencySorted);
        Arrays.sort(frequencySorted);
        long[] money = asLongs(monetary); // sorting and searching numbers, not BigDecimal objects all over the heap
        long[] moneySorted = null;
        BigDecimal[] monetarySorted = null;
        if (money != null) {
            moneySorted = money.clone();
            Arrays.sort(moneySorted);
        } else {
            monetarySorted = monetary.clone();
            Arrays.sort(monetarySorted);
        }

        List<RfmScores> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // R: "worse" is more days, so count the buyers with recency greater than this one's
            int r = quintile(n - countBelow(recencySorted, recency[i] + 1), n);
            int f = quintile(countBelow(frequencySorted, frequency[i]), n);
            int m = quintile(money != null ? countBelow(moneySorted, money[i]) : countBelow(monetarySorted, monetary[i]), n);
            scores.add(RfmScores.of(r, f, m));
        }
        return scores;
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

    static int quintile(long worse, long n) {
        return (int) (1 + (5 * worse) / n);
    }

    /** Number of elements strictly below v in a sorted array. */
    static int countBelow(long[] sorted, long v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int countBelow(BigDecimal[] sorted, BigDecimal v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].compareTo(v) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

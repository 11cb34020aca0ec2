package rfm.score;

import java.math.BigDecimal;
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
        BigDecimal[] monetarySorted = monetary.clone();
        Arrays.sort(recencySorted);
        Arrays.sort(frequencySorted);
        Arrays.sort(monetarySorted);

        List<RfmScores> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // R: "worse" is more days, so count the buyers with recency greater than this one's
            int r = quintile(n - countBelow(recencySorted, recency[i] + 1), n);
            int f = quintile(countBelow(frequencySorted, frequency[i]), n);
            int m = quintile(countBelow(monetarySorted, monetary[i]), n);
            scores.add(new RfmScores(r, f, m));
        }
        return scores;
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

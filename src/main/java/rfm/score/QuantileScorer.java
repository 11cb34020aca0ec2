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

        // A score only says which fifth a count falls in: floor(5 * count / n) >= k exactly when count >= c(k),
        // c(k) = ceil(k * n / 5). So each score is 1 plus the number of the four values at those ranks that the
        // customer's value passes: four comparisons with values in the cache instead of a search per customer.
        long[] recencyBounds = new long[4]; // R counts the buyers with more days: passes when it is below them
        long[] frequencyBounds = new long[4];
        long[] moneyBounds = new long[4];
        BigDecimal[] monetaryBounds = new BigDecimal[4];
        for (int k = 1; k <= 4; k++) {
            int c = atLeastFifths(k, n);
            recencyBounds[k - 1] = recencySorted[n - c];
            frequencyBounds[k - 1] = frequencySorted[c - 1];
            if (money != null) {
                moneyBounds[k - 1] = moneySorted[c - 1];
            } else {
                monetaryBounds[k - 1] = monetarySorted[c - 1];
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

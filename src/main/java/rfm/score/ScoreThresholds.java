package rfm.score;

import java.math.BigDecimal;
import java.util.List;

/**
 * Fixed score bounds instead of quantiles, four per measure.
 *
 * @param recency most days for scores 5, 4, 3 and 2 (more days than the last bound scores 1), increasing
 * @param frequency least orders for scores 2, 3, 4 and 5, increasing (F: 1 | 2 | 3-4 | 5-9 | 10+ is 2, 3, 5, 10)
 * @param monetary least amount for scores 2, 3, 4 and 5, increasing
 */
public record ScoreThresholds(List<Integer> recency, List<Integer> frequency, List<BigDecimal> monetary) {

    public ScoreThresholds {
        requireIncreasing("recency", recency);
        requireIncreasing("frequency", frequency);
        requireIncreasing("monetary", monetary);
        recency = List.copyOf(recency);
        frequency = List.copyOf(frequency);
        monetary = List.copyOf(monetary);
    }

    private static <T extends Comparable<T>> void requireIncreasing(String key, List<T> bounds) {
        if (bounds == null || bounds.size() != 4) {
            throw new IllegalArgumentException(key + " needs exactly 4 bounds (for 4 score steps), got "
                    + (bounds == null ? "none" : bounds.size()));
        }
        for (int i = 1; i < 4; i++) {
            if (bounds.get(i).compareTo(bounds.get(i - 1)) <= 0) {
                throw new IllegalArgumentException(key + " bounds must increase, got " + bounds);
            }
        }
    }
}

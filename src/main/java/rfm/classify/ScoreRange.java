package rfm.classify;

import java.math.BigDecimal;

/**
 * An inclusive range of score values written the way SPEC's tables write them:
 * {@code 5}, {@code 3-4}, {@code 2.5-3.5}, {@code >= 4}, {@code > 3}, {@code <= 2}, {@code < 2.5}.
 */
public record ScoreRange(BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive, String text) {

    public static ScoreRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty score range");
        }
        String t = text.trim().replace(" ", "");
        try {
            if (t.startsWith(">=")) {
                return new ScoreRange(decimal(t.substring(2)), true, null, true, text.trim());
            }
            if (t.startsWith(">")) {
                return new ScoreRange(decimal(t.substring(1)), false, null, true, text.trim());
            }
            if (t.startsWith("<=")) {
                return new ScoreRange(null, true, decimal(t.substring(2)), true, text.trim());
            }
            if (t.startsWith("<")) {
                return new ScoreRange(null, true, decimal(t.substring(1)), false, text.trim());
            }
            int dash = t.indexOf('-', 1);
            if (dash > 0) {
                BigDecimal lo = decimal(t.substring(0, dash));
                BigDecimal hi = decimal(t.substring(dash + 1));
                if (lo.compareTo(hi) > 0) {
                    throw new IllegalArgumentException("score range '" + text + "' has its low end above its high end");
                }
                return new ScoreRange(lo, true, hi, true, text.trim());
            }
            BigDecimal v = decimal(t);
            return new ScoreRange(v, true, v, true, text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a score range (write e.g. 5, 3-4, >= 4, < 2.5)");
        }
    }

    private static BigDecimal decimal(String s) {
        return new BigDecimal(s);
    }

    public boolean contains(BigDecimal v) {
        if (min != null) {
            int c = v.compareTo(min);
            if (c < 0 || (c == 0 && !minInclusive)) {
                return false;
            }
        }
        if (max != null) {
            int c = v.compareTo(max);
            if (c > 0 || (c == 0 && !maxInclusive)) {
                return false;
            }
        }
        return true;
    }

    public boolean contains(int v) {
        return contains(BigDecimal.valueOf(v));
    }

    @Override
    public String toString() {
        return text;
    }
}

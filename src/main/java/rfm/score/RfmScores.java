package rfm.score;

import java.math.BigDecimal;

/** The three quintile scores of a customer with at least one counted order, each 1 (worst) to 5 (best). */
public record RfmScores(int r, int f, int m) {

    public RfmScores {
        check("r", r);
        check("f", f);
        check("m", m);
    }

    private static final RfmScores[] ALL = new RfmScores[125];
    /** {@link #code()} of each, by the same index: one string per combination, not one per customer and file. */
    private static final String[] CODES = new String[125];

    static {
        for (int i = 0; i < ALL.length; i++) {
            ALL[i] = new RfmScores(i / 25 + 1, i / 5 % 5 + 1, i % 5 + 1);
            CODES[i] = "" + ALL[i].r + ALL[i].f + ALL[i].m;
        }
    }

    /** The scores r, f, m: one shared instance per combination, not one per customer. */
    public static RfmScores of(int r, int f, int m) {
        check("r", r);
        check("f", f);
        check("m", m);
        return ALL[(r - 1) * 25 + (f - 1) * 5 + (m - 1)];
    }

    private static void check(String name, int v) {
        if (v < 1 || v > 5) {
            throw new IllegalArgumentException(name + " score must be 1..5, was " + v);
        }
    }

    /** The three digits, e.g. {@code 545}. */
    public String code() {
        return CODES[(r - 1) * 25 + (f - 1) * 5 + (m - 1)];
    }

    /** (f + m) / 2, exact. */
    public BigDecimal fm() {
        return BigDecimal.valueOf(f + m).divide(BigDecimal.valueOf(2));
    }

    public int total() {
        return r + f + m;
    }
}

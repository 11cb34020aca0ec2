package rfm.classify;

import java.util.ArrayList;
import java.util.List;

import rfm.score.RfmScores;

/** Value tiers; each total 3..15 must fall in exactly one. */
public final class ValueTiers {

    private final List<ValueTier> tiers;
    /** The tier of each total 3..15, worked out once. */
    private final ValueTier[] byTotal = new ValueTier[16];

    public ValueTiers(List<ValueTier> tiers) {
        if (tiers == null || tiers.isEmpty()) {
            throw new IllegalArgumentException("no value tiers given");
        }
        this.tiers = List.copyOf(tiers);
        List<String> problems = new ArrayList<>();
        for (int total = 3; total <= 15; total++) {
            int t = total;
            long n = tiers.stream().filter(tier -> tier.total().contains(t)).count();
            if (n != 1) {
                problems.add(total + " (in " + n + " tiers)");
            } else {
                byTotal[total] = tiers.stream().filter(tier -> tier.total().contains(t)).findFirst().orElseThrow();
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("each r+f+m total 3..15 must be in exactly one value tier: " + problems);
        }
    }

    public ValueTier tierOf(RfmScores scores) {
        return byTotal[scores.total()];
    }

    public List<ValueTier> all() {
        return tiers;
    }
}

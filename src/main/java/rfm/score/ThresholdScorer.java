package rfm.score;

import java.math.BigDecimal;
import java.util.List;

import rfm.measure.CustomerMeasures;

/** Scores each buyer against fixed bounds from the job file; no buyer depends on another. */
public final class ThresholdScorer implements RfmScorer {

    private final ScoreThresholds thresholds;

    public ThresholdScorer(ScoreThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public List<RfmScores> score(List<CustomerMeasures> buyers) {
        return buyers.stream().map(this::score).toList();
    }

    RfmScores score(CustomerMeasures m) {
        int r = 1;
        List<Integer> rb = thresholds.recency();
        for (int i = 0; i < 4; i++) {
            if (m.recencyDays() <= rb.get(i)) {
                r = 5 - i;
                break;
            }
        }
        int f = 1;
        for (Integer bound : thresholds.frequency()) {
            if (m.frequency() >= bound) {
                f++;
            }
        }
        int mon = 1;
        for (BigDecimal bound : thresholds.monetary()) {
            if (m.monetary().compareTo(bound) >= 0) {
                mon++;
            }
        }
        return RfmScores.of(r, f, mon);
    }
}

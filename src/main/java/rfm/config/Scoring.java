package rfm.config;

import rfm.score.QuantileScorer;
import rfm.score.RfmScorer;
import rfm.score.ScoreThresholds;
import rfm.score.ThresholdScorer;

/** How R, F and M become scores: SPEC's tie-safe quantiles, or fixed thresholds. */
public record Scoring(Method method, ScoreThresholds thresholds) {

    /** The scoring methods a job file can choose. */
    public enum Method { QUANTILE, THRESHOLDS }

    public Scoring {
        if (method == null) {
            throw new IllegalArgumentException("method must be quantile or thresholds");
        }
        if (method == Method.THRESHOLDS && thresholds == null) {
            throw new IllegalArgumentException("method thresholds needs thresholds.recency, .frequency and .monetary");
        }
    }

    public RfmScorer scorer() {
        return method == Method.QUANTILE ? new QuantileScorer() : new ThresholdScorer(thresholds);
    }
}

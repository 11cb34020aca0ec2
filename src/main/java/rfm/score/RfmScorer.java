package rfm.score;

import java.util.List;

import rfm.measure.CustomerMeasures;

/** Turns the buyers' measures into R, F and M scores. */
public interface RfmScorer {

    /**
     * Scores every buyer in the list; the result is in the same order.
     *
     * @param buyers customers with at least one counted order
     */
    List<RfmScores> score(List<CustomerMeasures> buyers);
}

package rfm.classify;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import rfm.measure.CustomerMeasures;
import rfm.measure.MeasuredCustomer;
import rfm.measure.TwoHalves;
import rfm.score.RfmScorer;
import rfm.score.RfmScores;

/** Scores the buyers and gives every customer its segment, value tier, lifecycle stage and churn risk. */
public final class CustomerClassifier {

    private final RfmScorer scorer;
    private final SegmentTable segments;
    private final ValueTiers valueTiers;
    private final InteractionTiers interactionTiers;
    private final LifecycleRules lifecycle;
    private final ChurnRules churn;
    private final LocalDate asOf;

    public CustomerClassifier(RfmScorer scorer, SegmentTable segments, ValueTiers valueTiers,
                              InteractionTiers interactionTiers, LifecycleRules lifecycle, ChurnRules churn,
                              LocalDate asOf) {
        this.scorer = scorer;
        this.segments = segments;
        this.valueTiers = valueTiers;
        this.interactionTiers = interactionTiers;
        this.lifecycle = lifecycle;
        this.churn = churn;
        this.asOf = asOf;
    }

    /** Classifies all customers; the result keeps the input order. */
    public List<ScoredCustomer> classify(List<MeasuredCustomer> customers) {
        List<CustomerMeasures> buyers = customers.stream().map(MeasuredCustomer::measures)
                .filter(CustomerMeasures::buyer).toList();
        List<RfmScores> buyerScores = scorer.score(buyers);
        int n = customers.size();
        RfmScores[] scores = new RfmScores[n];
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (customers.get(i).measures().buyer()) {
                scores[i] = buyerScores.get(next++);
            }
        }
        ScoredCustomer[] result = new ScoredCustomer[n];
        TwoHalves.run(n, (from, to) -> { // the rules only read their tables, so both cores can share them
            for (int i = from; i < to; i++) {
                result[i] = classify(customers.get(i), scores[i]);
            }
        });
        return Arrays.asList(result); // a view of the array, no copy
    }

    ScoredCustomer classify(MeasuredCustomer c, RfmScores scores) {
        CustomerMeasures m = c.measures();
        LifecycleStage stage = lifecycle.stageOf(m);
        SegmentRule segment = scores == null ? segments.prospect() : segments.segmentOf(scores);
        ValueTier tier = scores == null ? null : valueTiers.tierOf(scores);
        return new ScoredCustomer(c.profile(), m, scores, segment, tier, stage,
                churn.reasonsFor(m, stage, asOf), interactionTiers.tierOf(m.interactions90d()));
    }
}

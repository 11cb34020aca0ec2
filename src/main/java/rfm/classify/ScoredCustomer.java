package rfm.classify;

import java.util.Set;

import rfm.ingest.CustomerProfile;
import rfm.measure.CustomerMeasures;
import rfm.score.RfmScores;

/** Everything the job concludes about one customer. Scores and value tier are null for a prospect. */
public record ScoredCustomer(CustomerProfile profile, CustomerMeasures measures, RfmScores scores,
                             SegmentRule segment, ValueTier valueTier, LifecycleStage stage,
                             Set<ChurnReason> churnReasons, InteractionTier interactionTier) {

    public ScoredCustomer {
        churnReasons = ChurnReason.setOf(churnReasons); // unmodifiable, in the reasons' order, shared
    }

    public String customerId() {
        return measures.customerId();
    }

    public boolean churnRisk() {
        return !churnReasons.isEmpty();
    }
}

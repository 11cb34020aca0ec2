package rfm.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import rfm.classify.ScoredCustomer;

/**
 * What the history keeps of a customer from one night to the next: segment, lifecycle stage, value tier, the
 * three scores and the churn-risk flag, and the date the customer entered its segment. Tier and scores are null
 * for a prospect.
 */
public record CustomerState(String segment, String lifecycleStage, String valueTier, Integer r, Integer f, Integer m,
                            boolean churnRisk, LocalDate segmentSince) {

    /** The fields a CRM import acts on, as named in crm_delta.csv. */
    public static final List<String> CRM_FIELDS = List.of("segment", "lifecycle_stage", "value_tier", "churn_risk");

    public CustomerState {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(lifecycleStage, "lifecycleStage");
        Objects.requireNonNull(segmentSince, "segmentSince");
    }

    /** A customer's state tonight; the segment's start date carries over while the segment stays the same. */
    public static CustomerState of(ScoredCustomer c, CustomerState previous, LocalDate asOf) {
        String segment = c.segment().code();
        LocalDate since = previous != null && previous.segment.equals(segment) ? previous.segmentSince : asOf;
        return new CustomerState(segment, c.stage().name(), c.valueTier() == null ? null : c.valueTier().code(),
                c.scores() == null ? null : c.scores().r(), c.scores() == null ? null : c.scores().f(),
                c.scores() == null ? null : c.scores().m(), c.churnRisk(), since);
    }

    /**
     * Equal when every component is, as a record's own equals has it; written out because the record's is made of
     * method handles at run time, which the comparison's million lookups of shared states ran through for 0.27 s of
     * CPU at medium and at large alike, most of it before they were compiled (docs/performance.md, twenty-sixth pass).
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof CustomerState s && churnRisk == s.churnRisk && segment.equals(s.segment)
                && lifecycleStage.equals(s.lifecycleStage) && Objects.equals(valueTier, s.valueTier) && Objects.equals(r, s.r)
                && Objects.equals(f, s.f) && Objects.equals(m, s.m) && segmentSince.equals(s.segmentSince);
    }

    /** From every component, as {@link #equals} compares them. */
    @Override
    public int hashCode() {
        int h = segment.hashCode();
        h = 31 * h + lifecycleStage.hashCode();
        h = 31 * h + Objects.hashCode(valueTier);
        h = 31 * h + Objects.hashCode(r);
        h = 31 * h + Objects.hashCode(f);
        h = 31 * h + Objects.hashCode(m);
        h = 31 * h + Boolean.hashCode(churnRisk);
        return 31 * h + segmentSince.hashCode();
    }

    /**
     * Whether the history needs a new row: anything it keeps differs (the segment's start date follows from the
     * segment, so it is not compared).
     */
    public boolean differsFrom(CustomerState other) {
        return other == null || !segment.equals(other.segment) || !lifecycleStage.equals(other.lifecycleStage)
                || !Objects.equals(valueTier, other.valueTier) || !Objects.equals(r, other.r)
                || !Objects.equals(f, other.f) || !Objects.equals(m, other.m) || churnRisk != other.churnRisk;
    }

    /**
     * The CRM fields ({@link #CRM_FIELDS}) that differ from an earlier state; all of them when there is none. One of
     * sixteen shared lists, so that a night's million new customers make none.
     */
    public List<String> crmChangesSince(CustomerState previous) {
        if (previous == null) {
            return CRM_FIELDS;
        }
        int changed = (segment.equals(previous.segment) ? 0 : 1) | (lifecycleStage.equals(previous.lifecycleStage) ? 0 : 2)
                | (Objects.equals(valueTier, previous.valueTier) ? 0 : 4) | (churnRisk == previous.churnRisk ? 0 : 8);
        return CHANGES.get(changed);
    }

    /** Per set of changed fields (bit k: field k of {@link #CRM_FIELDS}), the list of them. */
    private static final List<List<String>> CHANGES = IntStream.range(0, 16)
            .mapToObj(bits -> IntStream.range(0, 4).filter(k -> (bits & 1 << k) != 0).mapToObj(CRM_FIELDS::get).toList())
            .toList();
}

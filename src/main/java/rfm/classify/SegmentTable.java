package rfm.classify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import rfm.score.RfmScores;

/** The segment table: first matching row wins; every possible score combination must land somewhere. */
public final class SegmentTable {

    private final List<SegmentRule> rules;
    private final SegmentRule prospect;
    /** The segment of each of the 125 score combinations, worked out once: index (r-1)*25 + (f-1)*5 + (m-1). */
    private final SegmentRule[] byCode = new SegmentRule[125];

    public SegmentTable(List<SegmentRule> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("the segment table is empty");
        }
        Set<String> codes = new HashSet<>();
        List<SegmentRule> scored = new ArrayList<>();
        SegmentRule prospectRow = null;
        for (SegmentRule row : rows) {
            if (!codes.add(row.code())) {
                throw new IllegalArgumentException("segment " + row.code() + " is listed twice");
            }
            if (row.prospect()) {
                prospectRow = row;
            } else {
                scored.add(row);
            }
        }
        if (prospectRow == null) {
            throw new IllegalArgumentException("the segment table needs a PROSPECT row (customers with no counted order)");
        }
        this.rules = List.copyOf(scored);
        this.prospect = prospectRow;
        List<String> uncovered = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    RfmScores s = new RfmScores(r, f, m);
                    SegmentRule first = rules.stream().filter(rule -> rule.matches(s)).findFirst().orElse(null);
                    if (first == null) {
                        uncovered.add(s.code());
                    }
                    byCode[index(s)] = first;
                }
            }
        }
        if (!uncovered.isEmpty()) {
            throw new IllegalArgumentException("no segment matches RFM codes " + uncovered);
        }
    }

    /** The first row that matches (looked up: the table was evaluated for every combination at construction). */
    public SegmentRule segmentOf(RfmScores scores) {
        return byCode[index(scores)];
    }

    private static int index(RfmScores s) {
        return (s.r() - 1) * 25 + (s.f() - 1) * 5 + (s.m() - 1);
    }

    public SegmentRule prospect() {
        return prospect;
    }

    /** All segments, the scored ones in table order, then PROSPECT. */
    public List<SegmentRule> all() {
        List<SegmentRule> all = new ArrayList<>(rules);
        all.add(prospect);
        return all;
    }
}

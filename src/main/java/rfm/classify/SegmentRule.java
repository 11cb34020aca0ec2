package rfm.classify;

import java.util.regex.Pattern;

import rfm.score.RfmScores;

/**
 * One row of the segment table: which R score and FM = (F + M) / 2 it takes, its display names and the
 * suggested action. The prospect row has neither range.
 */
public record SegmentRule(String code, String nameZh, String nameEn, String actionZh, String actionEn,
                          ScoreRange r, ScoreRange fm) {

    public static final String PROSPECT = "PROSPECT";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public SegmentRule {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("segment code '" + code
                    + "' must be upper-case letters, digits and _ (it names a file), at most 40 characters");
        }
        nameZh = blankToEmpty(nameZh);
        nameEn = blankToEmpty(nameEn);
        actionZh = blankToEmpty(actionZh);
        actionEn = blankToEmpty(actionEn);
        if (nameZh.isEmpty() || nameEn.isEmpty()) {
            throw new IllegalArgumentException("segment " + code + " needs name-zh and name-en");
        }
        if (PROSPECT.equals(code)) {
            if (r != null || fm != null) {
                throw new IllegalArgumentException("segment PROSPECT takes no r or fm: it is for customers without scores");
            }
        } else if (r == null || fm == null) {
            throw new IllegalArgumentException("segment " + code + " needs both r and fm");
        }
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }

    public boolean prospect() {
        return PROSPECT.equals(code);
    }

    public boolean matches(RfmScores scores) {
        return !prospect() && r.contains(scores.r()) && fm.contains(scores.fm());
    }
}

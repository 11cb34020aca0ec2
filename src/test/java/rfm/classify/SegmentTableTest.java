package rfm.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import rfm.score.RfmScores;

class SegmentTableTest {

    static SegmentRule row(String code, String r, String fm) {
        return new SegmentRule(code, code + " 中文", code + " en", "", "", ScoreRange.parse(r), ScoreRange.parse(fm));
    }

    static SegmentRule prospectRow() {
        return new SegmentRule("PROSPECT", "潜在客户", "Prospects", "介绍产品与服务", "Introduce products", null, null);
    }

    /** SPEC's default table, row for row. */
    static List<SegmentRule> specRows() {
        return new ArrayList<>(List.of(
                row("CHAMPIONS", "5", ">= 4"),
                row("LOYAL", "3-4", ">= 4"),
                row("CANT_LOSE", "1-2", ">= 4"),
                row("POTENTIAL_LOYALIST", "4-5", "2.5-3.5"),
                row("AT_RISK", "1-2", "2.5-3.5"),
                row("NEED_ATTENTION", "3", "2.5-3.5"),
                row("NEW_CUSTOMERS", "5", "< 2.5"),
                row("PROMISING", "4", "< 2.5"),
                row("ABOUT_TO_SLEEP", "3", "< 2.5"),
                row("HIBERNATING", "2", "< 2.5"),
                row("LOST", "1", "< 2.5"),
                prospectRow()));
    }

    static RfmScores rfm(String code) {
        return new RfmScores(code.charAt(0) - '0', code.charAt(1) - '0', code.charAt(2) - '0');
    }

    final SegmentTable table = new SegmentTable(specRows());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "555, CHAMPIONS",
            "444, LOYAL",
            "155, CANT_LOSE",
            "533, POTENTIAL_LOYALIST",
            "233, AT_RISK",
            "333, NEED_ATTENTION",
            "511, NEW_CUSTOMERS",
            "412, PROMISING",
            "321, ABOUT_TO_SLEEP",
            "211, HIBERNATING",
            "111, LOST"})
    void oneExamplePerRowOfTheTable(String code, String segment) {
        assertThat(table.segmentOf(rfm(code)).code()).isEqualTo(segment);
    }

    @ParameterizedTest(name = "{0}: FM {1} -> {2}")
    @CsvSource({
            "534, 3.5, POTENTIAL_LOYALIST",
            "543, 3.5, POTENTIAL_LOYALIST",
            "544, 4.0, CHAMPIONS",
            "545, 4.5, CHAMPIONS",
            "532, 2.5, POTENTIAL_LOYALIST",
            "523, 2.5, POTENTIAL_LOYALIST",
            "522, 2.0, NEW_CUSTOMERS",
            "513, 2.0, NEW_CUSTOMERS",
            "432, 2.5, POTENTIAL_LOYALIST",
            "431, 2.0, PROMISING",
            "334, 3.5, NEED_ATTENTION",
            "345, 4.5, LOYAL",
            "312, 1.5, ABOUT_TO_SLEEP",
            "154, 4.5, CANT_LOSE",
            "123, 2.5, AT_RISK",
            "113, 2.0, LOST",
            "221, 1.5, HIBERNATING"})
    void fmIsComparedAsADecimalAtTheBoundaries(String code, String fm, String segment) {
        assertThat(rfm(code).fm()).isEqualByComparingTo(fm);
        assertThat(table.segmentOf(rfm(code)).code()).isEqualTo(segment);
    }

    @Test
    void everyCodeLandsInTheSegmentItsScoresDescribe() {
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    RfmScores s = new RfmScores(r, f, m);
                    double fm = (f + m) / 2.0;
                    String band = fm >= 4 ? "HIGH" : fm >= 2.5 ? "MID" : "LOW";
                    String expected = switch (band) {
                        case "HIGH" -> r == 5 ? "CHAMPIONS" : r >= 3 ? "LOYAL" : "CANT_LOSE";
                        case "MID" -> r >= 4 ? "POTENTIAL_LOYALIST" : r == 3 ? "NEED_ATTENTION" : "AT_RISK";
                        default -> switch (r) {
                            case 5 -> "NEW_CUSTOMERS";
                            case 4 -> "PROMISING";
                            case 3 -> "ABOUT_TO_SLEEP";
                            case 2 -> "HIBERNATING";
                            default -> "LOST";
                        };
                    };
                    assertThat(table.segmentOf(s).code()).as(s.code()).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void firstMatchWinsWhenRowsOverlap() {
        List<SegmentRule> rows = specRows();
        rows.add(0, row("VIP", "5", ">= 1"));
        SegmentTable withVip = new SegmentTable(rows);
        assertThat(withVip.segmentOf(rfm("511")).code()).isEqualTo("VIP");
        assertThat(withVip.segmentOf(rfm("555")).code()).isEqualTo("VIP");
        assertThat(withVip.segmentOf(rfm("411")).code()).isEqualTo("PROMISING");
    }

    @Test
    void aRowBehindACoveringRowNeverMatches() {
        List<SegmentRule> rows = specRows();
        rows.add(rows.size() - 1, row("EVERYONE", "1-5", ">= 1"));
        SegmentTable late = new SegmentTable(rows);
        assertThat(late.segmentOf(rfm("555")).code()).isEqualTo("CHAMPIONS");
        assertThat(late.segmentOf(rfm("111")).code()).isEqualTo("LOST");
    }

    @Test
    void aTableWithAHoleIsRefusedNamingTheUncoveredCodes() {
        List<SegmentRule> rows = specRows();
        rows.removeIf(r -> r.code().equals("LOST"));
        assertThatThrownBy(() -> new SegmentTable(rows)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[111, 112, 113, 121, 122, 131]");
    }

    @Test
    void aDuplicateCodeIsRefused() {
        List<SegmentRule> rows = specRows();
        rows.add(0, row("LOYAL", "5", ">= 4"));
        assertThatThrownBy(() -> new SegmentTable(rows)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LOYAL").hasMessageContaining("twice");
    }

    @Test
    void aTableWithoutProspectIsRefused() {
        List<SegmentRule> rows = specRows();
        rows.removeIf(SegmentRule::prospect);
        assertThatThrownBy(() -> new SegmentTable(rows)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PROSPECT");
    }

    @Test
    void anEmptyTableIsRefused() {
        assertThatThrownBy(() -> new SegmentTable(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prospectsGetTheProspectRowWhichListsLast() {
        assertThat(table.prospect().code()).isEqualTo("PROSPECT");
        assertThat(table.prospect().nameZh()).isEqualTo("潜在客户");
        assertThat(table.all()).extracting(SegmentRule::code).containsExactly("CHAMPIONS", "LOYAL", "CANT_LOSE",
                "POTENTIAL_LOYALIST", "AT_RISK", "NEED_ATTENTION", "NEW_CUSTOMERS", "PROMISING", "ABOUT_TO_SLEEP",
                "HIBERNATING", "LOST", "PROSPECT");
    }

    @Test
    void prospectRowTakesNoRangesAndOtherRowsNeedBoth() {
        assertThatThrownBy(() -> new SegmentRule("PROSPECT", "潜在客户", "Prospects", "", "",
                ScoreRange.parse("1-5"), ScoreRange.parse(">= 1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentRule("LOST", "流失客户", "Lost", "", "", ScoreRange.parse("1"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void segmentCodesMustBeSafeAsFileNames() {
        assertThatThrownBy(() -> row("../etc", "5", ">= 4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> row("champions", "5", ">= 4")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void segmentsNeedBothDisplayNames() {
        assertThatThrownBy(() -> new SegmentRule("LOST", " ", "Lost", "", "", ScoreRange.parse("1"), ScoreRange.parse("< 2.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name-zh");
    }
}

package rfm.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import rfm.score.RfmScores;

class ValueTiersTest {

    static ValueTier tier(String code, String nameZh, String total) {
        return new ValueTier(code, nameZh, code, ScoreRange.parse(total));
    }

    static ValueTiers tiers(String a, String b, String c, String d) {
        return new ValueTiers(List.of(tier("A", "核心客户", a), tier("B", "潜力客户", b), tier("C", "一般客户", c),
                tier("D", "低价值客户", d)));
    }

    final ValueTiers spec = tiers("13-15", "10-12", "7-9", "3-6");

    @ParameterizedTest(name = "{0},{1},{2} -> {3}")
    @CsvSource({
            "5, 5, 5, A",
            "5, 4, 4, A",
            "4, 4, 4, B",
            "4, 3, 3, B",
            "3, 3, 3, C",
            "3, 3, 1, C",
            "3, 2, 1, D",
            "1, 1, 1, D"})
    void tierByTheSumOfTheThreeScores(int r, int f, int m, String tier) {
        assertThat(spec.tierOf(new RfmScores(r, f, m)).code()).isEqualTo(tier);
    }

    @Test
    void overlappingTiersAreRefused() {
        assertThatThrownBy(() -> tiers("12-15", "10-12", "7-9", "3-6")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12 (in 2 tiers)");
    }

    @Test
    void aGapBetweenTiersIsRefused() {
        assertThatThrownBy(() -> tiers("14-15", "10-12", "7-9", "3-6")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("13 (in 0 tiers)");
    }

    @Test
    void noTiersAreRefused() {
        assertThatThrownBy(() -> new ValueTiers(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

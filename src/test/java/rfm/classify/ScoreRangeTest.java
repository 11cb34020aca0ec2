package rfm.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreRangeTest {

    static boolean in(String range, String value) {
        return ScoreRange.parse(range).contains(new BigDecimal(value));
    }

    @Test
    void aSingleNumberIsThatValueOnly() {
        assertThat(in("5", "5")).isTrue();
        assertThat(in("5", "5.0")).isTrue();
        assertThat(in("5", "4.5")).isFalse();
        assertThat(ScoreRange.parse("3").contains(3)).isTrue();
        assertThat(ScoreRange.parse("3").contains(4)).isFalse();
    }

    @Test
    void aDashRangeIncludesBothEnds() {
        assertThat(in("3-4", "3")).isTrue();
        assertThat(in("3-4", "3.5")).isTrue();
        assertThat(in("3-4", "4")).isTrue();
        assertThat(in("3-4", "2")).isFalse();
        assertThat(in("3-4", "5")).isFalse();
    }

    @Test
    void aDecimalDashRangeIncludesBothEnds() {
        assertThat(in("2.5-3.5", "2.5")).isTrue();
        assertThat(in("2.5-3.5", "3.0")).isTrue();
        assertThat(in("2.5-3.5", "3.5")).isTrue();
        assertThat(in("2.5-3.5", "2.0")).isFalse();
        assertThat(in("2.5-3.5", "4.0")).isFalse();
    }

    @Test
    void atLeast() {
        assertThat(in(">= 4", "4")).isTrue();
        assertThat(in(">= 4", "5")).isTrue();
        assertThat(in(">= 4", "3.5")).isFalse();
    }

    @Test
    void above() {
        assertThat(in("> 3", "3")).isFalse();
        assertThat(in("> 3", "3.5")).isTrue();
    }

    @Test
    void atMost() {
        assertThat(in("<= 2", "2")).isTrue();
        assertThat(in("<= 2", "1")).isTrue();
        assertThat(in("<= 2", "2.5")).isFalse();
    }

    @Test
    void below() {
        assertThat(in("< 2.5", "2.0")).isTrue();
        assertThat(in("< 2.5", "1")).isTrue();
        assertThat(in("< 2.5", "2.5")).isFalse();
    }

    @Test
    void spacesDoNotMatterAndTheTextIsKeptForMessages() {
        assertThat(in(">=4", "4")).isTrue();
        assertThat(in(" 3 - 4 ", "4")).isTrue();
        assertThat(ScoreRange.parse("  >= 4 ").toString()).isEqualTo(">= 4");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "abc", "five", ">=", "<", "3-", "3..4", "=4", "3-4-5", "4 or 5"})
    void badTextIsRefused(String text) {
        assertThatThrownBy(() -> ScoreRange.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRangeWhoseLowEndIsAboveItsHighEndIsRefused() {
        assertThatThrownBy(() -> ScoreRange.parse("4-3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4-3");
    }
}

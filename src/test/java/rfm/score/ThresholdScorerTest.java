package rfm.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import rfm.measure.CustomerMeasures;

class ThresholdScorerTest {

    static final LocalDate D = LocalDate.of(2026, 11, 22);

    static List<BigDecimal> money(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    /** The shipped job file's bounds. */
    final ThresholdScorer scorer = new ThresholdScorer(new ScoreThresholds(List.of(30, 90, 180, 365),
            List.of(2, 3, 5, 10), money("500", "2000", "5000", "20000")));

    static CustomerMeasures buyer(int recency, int frequency, String monetary) {
        return new CustomerMeasures("C1", frequency, new BigDecimal(monetary), D.minusDays(recency + 10L),
                D.minusDays(recency), recency, recency + 10, 1, 0, 0, 0, null, null, null, null, null);
    }

    private RfmScores score(int recency, int frequency, String monetary) {
        return scorer.score(List.of(buyer(recency, frequency, monetary))).get(0);
    }

    @ParameterizedTest(name = "{0} orders -> F {1}")
    @CsvSource({"1, 1", "2, 2", "3, 3", "4, 3", "5, 4", "9, 4", "10, 5", "250, 5"})
    void frequencyBandsOneTwoThreeToFourFiveToNineTenPlus(int orders, int f) {
        assertThat(score(10, orders, "100").f()).isEqualTo(f);
    }

    @ParameterizedTest(name = "{0} days -> R {1}")
    @CsvSource({"0, 5", "30, 5", "31, 4", "90, 4", "91, 3", "180, 3", "181, 2", "365, 2", "366, 1", "3000, 1"})
    void recencyBoundsAreTheMostDaysForEachScore(int days, int r) {
        assertThat(score(days, 1, "100").r()).isEqualTo(r);
    }

    @ParameterizedTest(name = "{0} -> M {1}")
    @CsvSource({"0, 1", "499.99, 1", "500, 2", "500.00, 2", "1999.999, 2", "2000, 3", "5000.0, 4", "19999.99, 4",
            "20000, 5", "1000000, 5"})
    void monetaryBoundsAreTheLeastAmountForEachScore(String amount, int m) {
        assertThat(score(10, 1, amount).m()).isEqualTo(m);
    }

    @Test
    void eachBuyerIsScoredAloneInInputOrder() {
        List<RfmScores> scores = scorer.score(List.of(buyer(400, 1, "10"), buyer(5, 12, "25000"), buyer(400, 1, "10")));
        assertThat(scores).containsExactly(new RfmScores(1, 1, 1), new RfmScores(5, 5, 5), new RfmScores(1, 1, 1));
    }

    @Test
    void boundsMustIncrease() {
        assertThatThrownBy(() -> new ScoreThresholds(List.of(30, 30, 180, 365), List.of(2, 3, 5, 10),
                money("500", "2000", "5000", "20000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recency");
        assertThatThrownBy(() -> new ScoreThresholds(List.of(30, 90, 180, 365), List.of(10, 5, 3, 2),
                money("500", "2000", "5000", "20000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frequency");
        assertThatThrownBy(() -> new ScoreThresholds(List.of(30, 90, 180, 365), List.of(2, 3, 5, 10),
                money("500", "2000", "2000.00", "20000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("monetary");
    }

    @Test
    void eachMeasureNeedsExactlyFourBounds() {
        assertThatThrownBy(() -> new ScoreThresholds(List.of(30, 90, 180), List.of(2, 3, 5, 10),
                money("500", "2000", "5000", "20000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recency").hasMessageContaining("4");
        assertThatThrownBy(() -> new ScoreThresholds(List.of(30, 90, 180, 365), List.of(2, 3, 5, 10, 20),
                money("500", "2000", "5000", "20000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frequency");
        assertThatThrownBy(() -> new ScoreThresholds(List.of(30, 90, 180, 365), List.of(2, 3, 5, 10), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("monetary");
    }
}

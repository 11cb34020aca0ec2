package rfm.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RfmScoresTest {

    @Test
    void ofGivesOneSharedInstancePerCombinationEqualToANewOne() {
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    RfmScores s = RfmScores.of(r, f, m);
                    assertThat(s).isEqualTo(new RfmScores(r, f, m)).isSameAs(RfmScores.of(r, f, m));
                    assertThat(s.code()).isEqualTo("" + r + f + m);
                }
            }
        }
    }

    @Test
    void ofRefusesScoresOutsideOneToFive() {
        assertThatThrownBy(() -> RfmScores.of(0, 1, 1)).hasMessage("r score must be 1..5, was 0");
        assertThatThrownBy(() -> RfmScores.of(1, 6, 1)).hasMessage("f score must be 1..5, was 6");
        assertThatThrownBy(() -> RfmScores.of(1, 1, -1)).hasMessage("m score must be 1..5, was -1");
    }
}

package rfm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class RejectLimitTest {

    @Test
    void exactlyOnePercentPasses() {
        RejectLimit limit = new RejectLimit(BigDecimal.ONE, null);
        assertThat(limit.allows(1, 100)).isTrue();
        assertThat(limit.allows(2, 100)).isFalse();
        assertThat(limit.allows(0, 0)).isTrue();
    }

    @Test
    void aNumberOfRowsInsteadOfAPercentage() {
        RejectLimit limit = new RejectLimit(null, 3L);
        assertThat(limit.allows(3, 10)).isTrue();
        assertThat(limit.allows(4, 1_000_000)).isFalse();
        assertThat(limit).hasToString("3 rows");
    }

    @Test
    void rowsWinOverAPercentFromABaseJobFile() {
        RejectLimit limit = new RejectLimit(BigDecimal.ONE, 3L);
        assertThat(limit.allows(3, 10)).isTrue();
        assertThatThrownBy(() -> new RejectLimit(null, null)).hasMessageContaining("give percent or rows");
    }
}

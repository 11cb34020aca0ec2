package rfm.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InteractionTiersTest {

    final InteractionTiers spec = new InteractionTiers(6, 1);

    @ParameterizedTest(name = "{0} interactions -> {1}")
    @CsvSource({"0, NONE", "1, LOW", "5, LOW", "6, HIGH", "40, HIGH"})
    void tierByInteractionsInTheLastNinetyDays(int interactions, InteractionTier tier) {
        assertThat(spec.tierOf(interactions)).isEqualTo(tier);
    }

    @Test
    void boundsMustBeOrdered() {
        assertThatThrownBy(() -> new InteractionTiers(1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InteractionTiers(6, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

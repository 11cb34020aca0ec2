package rfm.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ChurnReasonTest {

    @Test
    void everySetOfReasonsIsSharedUnmodifiableAndInTheReasonsOrder() {
        Set<ChurnReason> all = ChurnReason.setOf(List.of(ChurnReason.UNHAPPY, ChurnReason.OVERDUE, ChurnReason.DECLINING));
        assertThat(all).containsExactly(ChurnReason.OVERDUE, ChurnReason.DECLINING, ChurnReason.UNHAPPY);
        assertThat(ChurnReason.setOf(new HashSet<>(all))).isSameAs(all);
        assertThat(ChurnReason.setOf(0)).isEmpty();
        assertThat(ChurnReason.setOf(Set.of())).isSameAs(ChurnReason.setOf(0));
        assertThat(ChurnReason.setOf(ChurnReason.bit(ChurnReason.DECLINING) | ChurnReason.bit(ChurnReason.UNHAPPY)))
                .containsExactly(ChurnReason.DECLINING, ChurnReason.UNHAPPY);
        assertThatThrownBy(() -> all.remove(ChurnReason.OVERDUE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aScoredCustomerKeepsItsReasonsWhateverBecomesOfTheSetItWasGiven() {
        Set<ChurnReason> given = EnumSet.of(ChurnReason.UNHAPPY);
        ScoredCustomer c = new ScoredCustomer(null, null, null, null, null, LifecycleStage.ACTIVE, given, null);
        given.add(ChurnReason.OVERDUE);
        assertThat(c.churnReasons()).containsExactly(ChurnReason.UNHAPPY);
        assertThat(c.churnRisk()).isTrue();
        List<ChurnReason> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> new ScoredCustomer(null, null, null, null, null, LifecycleStage.ACTIVE, Set.copyOf(List.of()), null)
                .churnReasons().add(ChurnReason.OVERDUE)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ChurnReason.setOf(withNull)).isInstanceOf(NullPointerException.class);
    }
}

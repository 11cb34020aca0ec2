package rfm.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CustomerStateTest {

    private static final LocalDate SINCE = LocalDate.of(2026, 11, 1);

    private static CustomerState state() {
        return new CustomerState("LOYAL", "ACTIVE", "B", 4, 5, 3, false, SINCE);
    }

    @Test
    void equalWhenEveryComponentIsAsARecordIs() {
        CustomerState a = state();
        CustomerState b = new CustomerState(new String("LOYAL"), new String("ACTIVE"), new String("B"), Integer.valueOf(4000) / 1000,
                5, 3, false, LocalDate.of(2026, 11, 1));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(null).isNotEqualTo("LOYAL");
        CustomerState prospect = new CustomerState("PROSPECT", "PROSPECT", null, null, null, null, false, SINCE);
        assertThat(prospect).isEqualTo(new CustomerState("PROSPECT", "PROSPECT", null, null, null, null, false, SINCE))
                .hasSameHashCodeAs(new CustomerState("PROSPECT", "PROSPECT", null, null, null, null, false, SINCE));
    }

    @Test
    void anyComponentThatDiffersMakesAnotherState() {
        List<CustomerState> others = List.of(
                new CustomerState("AT_RISK", "ACTIVE", "B", 4, 5, 3, false, SINCE),
                new CustomerState("LOYAL", "DORMANT", "B", 4, 5, 3, false, SINCE),
                new CustomerState("LOYAL", "ACTIVE", "A", 4, 5, 3, false, SINCE),
                new CustomerState("LOYAL", "ACTIVE", null, 4, 5, 3, false, SINCE),
                new CustomerState("LOYAL", "ACTIVE", "B", 3, 5, 3, false, SINCE),
                new CustomerState("LOYAL", "ACTIVE", "B", null, 5, 3, false, SINCE),
                new CustomerState("LOYAL", "ACTIVE", "B", 4, 4, 3, false, SINCE),
                new CustomerState("LOYAL", "ACTIVE", "B", 4, 5, 2, false, SINCE),
                new CustomerState("LOYAL", "ACTIVE", "B", 4, 5, 3, true, SINCE),
                new CustomerState("LOYAL", "ACTIVE", "B", 4, 5, 3, false, SINCE.plusDays(1)));
        for (CustomerState other : others) {
            assertThat(other).as(other.toString()).isNotEqualTo(state());
            assertThat(state()).as(other.toString()).isNotEqualTo(other);
        }
        assertThat(others.stream().map(CustomerState::hashCode).distinct()).as("hashes spread").hasSize(others.size());
    }
}
